import http from 'node:http';
import { AddressInfo } from 'node:net';

export interface FakeHealthResponse {
  status?: number;
  contentType?: string;
  body?: string;
  delayMs?: number;
  headers?: Record<string, string>;
}

/** A real HTTP server on loopback whose /health answer tests can change; counts hits. */
export async function startHealthServer(initial: FakeHealthResponse = {}) {
  let response: FakeHealthResponse = initial;
  let hits = 0;
  const server = http.createServer((_req, res) => {
    hits += 1;
    const send = () => {
      res.writeHead(response.status ?? 200, {
        'content-type': response.contentType ?? 'application/health+json',
        ...response.headers,
      });
      res.end(response.body ?? JSON.stringify({ status: 'pass', checks: {} }));
    };
    if (response.delayMs) setTimeout(send, response.delayMs);
    else send();
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/health`,
    port,
    get hits() {
      return hits;
    },
    respond(next: FakeHealthResponse) {
      response = next;
    },
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const healthDoc = (
  status: string,
  checks: Record<string, unknown[]> = {},
) => JSON.stringify({ status, checks });
