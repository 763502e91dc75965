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

/**
 * Encodes each value once for as long as it lives: a service that hands the same object
 * to every caller (a cached summary) has it serialized, gzipped and hashed once, which
 * keeps a large answer cheap at hundreds of requests per second.
 */
export class EncodedJsonCache {
  readonly #encoded = new WeakMap<object, Promise<EncodedJson>>();

  encode(value: object): Promise<EncodedJson> {
    let encoded = this.#encoded.get(value);
    if (!encoded) {
      const body = Buffer.from(JSON.stringify(value));
      encoded = gzipAsync(body).then(zipped => ({
        body,
        gzip: zipped,
        etag: etag(body),
      }));
      this.#encoded.set(value, encoded);
    }
    return encoded;
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
