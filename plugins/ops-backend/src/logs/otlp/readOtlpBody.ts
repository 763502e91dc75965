import { Request } from 'express';
import { Transform } from 'node:stream';
import zlib from 'node:zlib';

/** An OTLP/HTTP failure answered with `status` and a google.rpc.Status body. */
export class OtlpHttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** The media types this endpoint reads. */
function checkContentType(req: Request) {
  const type = String(req.headers['content-type'] ?? '')
    .split(';')[0]
    .trim()
    .toLowerCase();
  if (type !== 'application/json') {
    throw new OtlpHttpError(
      415,
      `Unsupported content type "${
        type || '(none)'
      }": send OTLP/HTTP with JSON encoding (application/json)`,
    );
  }
}

function decoderFor(req: Request): Transform | undefined {
  const encoding = String(req.headers['content-encoding'] ?? 'identity')
    .trim()
    .toLowerCase();
  switch (encoding) {
    case '':
    case 'identity':
      return undefined;
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'deflate':
      return zlib.createInflate();
    default:
      throw new OtlpHttpError(
        415,
        `Unsupported content encoding "${encoding}": use gzip or none`,
      );
  }
}

/**
 * Reads an OTLP/HTTP JSON body, decompressing gzip/deflate, and stops as soon as the
 * decompressed size passes `maxBytes` (413), so a small gzip bomb cannot inflate in memory.
 * 415 for other content types or encodings, 400 for broken compression.
 */
export async function readOtlpBody(
  req: Request,
  maxBytes: number,
): Promise<string> {
  checkContentType(req);
  const decoder = decoderFor(req);
  const declared = Number(req.headers['content-length']);
  if (!decoder && Number.isFinite(declared) && declared > maxBytes) {
    throw new OtlpHttpError(413, tooLarge(maxBytes));
  }
  const source = decoder ? req.pipe(decoder) : req;
  const chunks: Buffer[] = [];
  let size = 0;
  return new Promise<string>((resolve, reject) => {
    let done = false;
    const fail = (error: OtlpHttpError) => {
      if (done) return;
      done = true;
      if (decoder) {
        req.unpipe(decoder);
        decoder.destroy();
      }
      req.resume(); // drain and discard the rest of the upload
      reject(error);
    };
    source.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > maxBytes) fail(new OtlpHttpError(413, tooLarge(maxBytes)));
      else chunks.push(chunk);
    });
    source.on('end', () => {
      if (done) return;
      done = true;
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    source.on('error', error =>
      fail(
        new OtlpHttpError(
          400,
          decoder
            ? `The body could not be decompressed: ${error.message}`
            : `The body could not be read: ${error.message}`,
        ),
      ),
    );
    if (decoder)
      req.on('error', error => fail(new OtlpHttpError(400, error.message)));
  });
}

function tooLarge(maxBytes: number) {
  return `The request body is larger than ${maxBytes} bytes (after decompression); send smaller batches`;
}
