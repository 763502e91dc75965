import { Request, RequestHandler, Response } from 'express';
import getRawBody from 'raw-body';
import { finished } from 'node:stream/promises';

/** A failure of body-parser or raw-body: its HTTP status and kind, e.g. `entity.too.large`. */
export interface BodyParserError extends Error {
  status: number;
  type?: string;
  /** The content encoding refused (`encoding.unsupported`). */
  encoding?: string;
}

export function isBodyParserError(error: unknown): error is BodyParserError {
  return (
    error instanceof Error &&
    typeof (error as Partial<BodyParserError>).status === 'number'
  );
}

/**
 * Runs a body-parser middleware (`express.json`, `express.text`, ...) inside a handler, so
 * that the handler answers a body it cannot read in its protocol's own error format.
 */
export function parseBody(
  parser: RequestHandler,
  req: Request,
  res: Response,
): Promise<void> {
  return new Promise((resolve, reject) =>
    parser(req, res, (error?: unknown) => (error ? reject(error) : resolve())),
  );
}

/**
 * The request body as UTF-8 text, read by raw-body up to `limit` bytes, for hot paths that
 * need neither content negotiation nor inflation (body-parser's cost a request is several
 * times raw-body's). Past the limit it fails with `entity.too.large` once the rest of the
 * upload is read off, so the answer goes out on a connection that can be reused.
 */
export async function readText(req: Request, limit: number): Promise<string> {
  try {
    return await getRawBody(req, {
      limit,
      length: req.headers['content-length'],
      encoding: 'utf-8',
    });
  } catch (error) {
    req.resume();
    await finished(req).catch(() => undefined);
    throw error;
  }
}
