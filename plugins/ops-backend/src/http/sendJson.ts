import { Response } from 'express';

/**
 * Writes a JSON answer straight to the socket: express's `res.send` would also hash every
 * body for a weak ETag and re-parse the content type, on the hot paths of flag evaluation
 * and log ingest.
 */
export function sendJson(
  res: Response,
  status: number,
  body: string,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
    ...headers,
  });
  res.end(body);
}
