import express, { Request, Response } from 'express';
import {
  BodyParserError,
  isBodyParserError,
  parseBody,
} from '../../http/parseBody';

/** An OTLP/HTTP failure answered with `status` and a google.rpc.Status body. */
export class OtlpHttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** The media type this endpoint reads: JSON encoding only. */
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

function toOtlpError(
  req: Request,
  error: BodyParserError,
  maxBytes: number,
): OtlpHttpError {
  switch (error.type) {
    case 'entity.too.large':
      return new OtlpHttpError(
        413,
        `The request body is larger than ${maxBytes} bytes (after decompression); send smaller batches`,
      );
    case 'encoding.unsupported':
      return new OtlpHttpError(
        415,
        `Unsupported content encoding "${error.encoding}": use gzip or none`,
      );
    case 'entity.parse.failed':
      return new OtlpHttpError(
        400,
        `The body is not valid JSON: ${error.message}`,
      );
    default:
      return new OtlpHttpError(
        error.status === 415 ? 415 : 400,
        req.headers['content-encoding']
          ? `The body could not be decompressed: ${error.message}`
          : `The body could not be read: ${error.message}`,
      );
  }
}

/**
 * Reads an OTLP/HTTP JSON body (an empty body is `{}`) with body-parser, which inflates
 * gzip and deflate and stops as soon as the decompressed size passes `maxBytes`, so a
 * small gzip bomb cannot inflate in memory. Failures are {@link OtlpHttpError}s: 415 for
 * other content types or encodings, 413 past the limit, 400 for broken compression or JSON.
 */
export function createOtlpBodyReader(maxBytes: number) {
  const readJson = express.json({
    type: () => true,
    limit: maxBytes,
    strict: false,
  });
  return async (req: Request, res: Response): Promise<unknown> => {
    checkContentType(req);
    // x-gzip is gzip (RFC 9110); body-parser knows it by that name only
    if (req.headers['content-encoding']?.toLowerCase() === 'x-gzip') {
      req.headers['content-encoding'] = 'gzip';
    }
    try {
      await parseBody(readJson, req, res);
    } catch (error) {
      throw isBodyParserError(error)
        ? toOtlpError(req, error, maxBytes)
        : error;
    }
    return req.body;
  };
}
