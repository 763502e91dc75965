/**
 * Child process: one loopback HTTP server standing in for every health target.
 * `GET /health/<n>` answers application/health+json for target n:
 *   n % 50 == 7  -> HTTP 503, status fail (2 %)
 *   n % 20 == 3  -> HTTP 200, status warn with a failing check (5 %)
 *   otherwise    -> HTTP 200, status pass with two checks
 * after a delay of (n * 7) % 20 ms, so probe latencies spread over 0-19 ms.
 * Unless started with keepAlive, every answer closes its connection, so each probe opens a
 * new TCP connection as it would for distinct hosts probed 30 s apart.
 * It runs in its own process so its CPU is not counted as the prober's.
 */
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { childPayload, exitWithParent, toParent } from './childProcesses';

const { keepAlive } = childPayload<{ keepAlive: boolean }>();

const check = (status: string, observedValue: number, output?: string) => ({
  componentType: 'datastore',
  observedValue,
  observedUnit: 'ms',
  status,
  time: new Date().toISOString(),
  ...(output ? { output } : {}),
});

const bodies = {
  pass: JSON.stringify({
    status: 'pass',
    version: '1',
    checks: {
      'postgres:responseTime': [check('pass', 3)],
      'queue:depth': [check('pass', 12)],
    },
  }),
  warn: JSON.stringify({
    status: 'warn',
    output: 'queue backing up',
    checks: {
      'postgres:responseTime': [check('pass', 4)],
      'queue:depth': [check('warn', 950, 'queue depth above 900')],
    },
  }),
  fail: JSON.stringify({
    status: 'fail',
    output: 'database unreachable',
    checks: {
      'postgres:responseTime': [check('fail', 5000, 'connect ETIMEDOUT')],
    },
  }),
};

let hits = 0;
const server = http.createServer((req, res) => {
  hits += 1;
  const match = /^\/health\/(\d+)$/.exec(req.url ?? '');
  if (!match) {
    res
      .writeHead(404, { connection: keepAlive ? 'keep-alive' : 'close' })
      .end();
    return;
  }
  const n = Number(match[1]);
  const [status, body] =
    n % 50 === 7
      ? [503, bodies.fail]
      : n % 20 === 3
      ? [200, bodies.warn]
      : [200, bodies.pass];
  const send = () => {
    res.writeHead(status, {
      'content-type': 'application/health+json',
      ...(keepAlive ? {} : { connection: 'close' }),
    });
    res.end(body);
  };
  const delay = (n * 7) % 20;
  if (delay) setTimeout(send, delay);
  else send();
});

exitWithParent();
process.on('message', (m: any) => {
  if (m?.type === 'hits') toParent({ type: 'hits', hits });
  if (m?.type === 'stop') {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  }
});
server.listen(0, '127.0.0.1', () => {
  toParent({ type: 'listening', port: (server.address() as AddressInfo).port });
});
