import etag from 'etag';
import { Request, Response } from 'express';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { matchesIfNoneMatch } from './ifNoneMatch';

const gzipAsync = promisify(gzip);

/** A JSON answer serialized once, with its gzip encoding and ETag. */
export interface EncodedJson {
  body: Buffer;
  gzip: Buffer;
  etag: string;
}

/** Serializes a value, gzips it and computes its ETag. */
export async function encodeJson(value: unknown): Promise<EncodedJson> {
  const body = Buffer.from(JSON.stringify(value));
  return { body, gzip: await gzipAsync(body), etag: etag(body) };
}

/**
 * The encoded answer of the latest version of a value shared by all callers (e.g. a
 * summary that changes every few seconds): loaded and encoded once per version, and only
 * the bytes are kept, so a large answer stays cheap at hundreds of requests per second
 * and its object graph dies young.
 */
export class SharedEncodedJson {
  #latest?: { version: unknown; encoded: Promise<EncodedJson> };

  get(version: unknown, load: () => Promise<unknown>): Promise<EncodedJson> {
    if (!this.#latest || this.#latest.version !== version) {
      const encoded = load().then(encodeJson);
      const latest = { version, encoded };
      this.#latest = latest;
      encoded.catch(() => {
        if (this.#latest === latest) this.#latest = undefined;
      });
    }
    return this.#latest.encoded;
  }
}

/**
 * Answers with an encoded JSON body: its ETag (304 when If-None-Match names it), and the
 * gzip bytes to a client that prefers gzip, which spares the compression middleware
 * from encoding the body again on every request.
 */
export function sendEncodedJson(
  req: Request,
  res: Response,
  encoded: EncodedJson,
) {
  res.setHeader('ETag', encoded.etag);
  res.setHeader('Cache-Control', 'private, no-cache');
  res.setHeader('Vary', 'Accept-Encoding');
  if (matchesIfNoneMatch(req, encoded.etag)) {
    res.status(304).end();
    return;
  }
  res.type('application/json');
  if (req.acceptsEncodings(['gzip', 'identity']) === 'gzip') {
    res.setHeader('Content-Encoding', 'gzip');
    res.send(encoded.gzip);
  } else {
    res.send(encoded.body);
  }
}
