import http from 'node:http';
import { AddressInfo } from 'node:net';

/** A request the stub received. */
export interface OfrepStubRequest {
  path: string;
  authorization?: string;
  body: { context?: Record<string, unknown> };
}

/** What the stub answers: an HTTP status and a JSON body. */
export type OfrepStubAnswer = { status: number; body: unknown };

/** A tiny OFREP server on a free loopback port, answering from `answer`. */
export interface OfrepStub {
  /** Base URL to give the OFREP provider (the server also has a path prefix). */
  baseUrl: string;
  requests: OfrepStubRequest[];
  answer: (request: OfrepStubRequest) => OfrepStubAnswer;
  close(): Promise<void>;
}

/**
 * Starts an OFREP stub that serves `POST <prefix>/ofrep/v1/evaluate/flags/{key}`
 * with `Content-Type: application/json`, like the documented protocol.
 */
export async function startOfrepStub(
  answer: OfrepStub['answer'],
  prefix = '/api/ops',
): Promise<OfrepStub> {
  const stub = { requests: [] as OfrepStubRequest[], answer };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', chunk => chunks.push(chunk));
    req.on('end', () => {
      const request: OfrepStubRequest = {
        path: req.url ?? '',
        authorization: req.headers.authorization,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'),
      };
      stub.requests.push(request);
      const expected = `${prefix}/ofrep/v1/evaluate/flags/`;
      const { status, body } =
        req.method === 'POST' && request.path.startsWith(expected)
          ? stub.answer(request)
          : {
              status: 404,
              body: { errorCode: 'GENERAL', errorDetails: 'no such route' },
            };
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(stub, {
    baseUrl: `http://127.0.0.1:${port}${prefix}`,
    close: () =>
      new Promise<void>(resolve => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  });
}

/** The flag key a stub request evaluates. */
export function flagKeyOf(request: OfrepStubRequest): string {
  return decodeURIComponent(request.path.split('/').pop() ?? '');
}
