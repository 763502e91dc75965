import { Request, RequestHandler, Response } from 'express';

/** A failure of body-parser: its HTTP status and kind, e.g. `entity.too.large`. */
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
