import { Response } from 'express';

/** Sends a JSON error body shaped like Backstage's: `{ error: { name, message } }`. */
export function sendError(
  res: Response,
  statusCode: number,
  name: string,
  message: string,
): void {
  res
    .status(statusCode)
    .json({ error: { name, message }, response: { statusCode } });
}
