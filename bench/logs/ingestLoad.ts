import http from 'node:http';
import { percentile } from '../health/processMeter';

export interface IngestFigures {
  durationS: number;
  requests: number;
  /** records in 200 answers, minus those reported in partialSuccess */
  acknowledged: number;
  /** records the server reported as rejected (partialSuccess.rejectedLogRecords) */
  rejected: number;
  /** answers by HTTP status */
  statuses: Record<number, number>;
  /** requests that got no answer (socket errors, 60 s timeout): their records may or may not be stored */
  failed: number;
  firstError?: string;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
}

function post(
  agent: http.Agent,
  url: URL,
  headers: Record<string, string>,
  body: Buffer,
): Promise<{ status: number; text: string; retryAfterS: number }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: { ...headers, 'content-length': String(body.length) },
        timeout: 60_000,
      },
      res => {
        const chunks: Buffer[] = [];
        res.on('data', c => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            text: Buffer.concat(chunks).toString('utf8'),
            retryAfterS: Number(res.headers['retry-after'] ?? 0) || 0,
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout after 60 s')));
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * `clients` concurrent loopback clients, each on its own keep-alive connection, POSTing
 * OTLP/JSON bodies (cycling through `bodies`) back to back for `durationS`. A 429/503
 * answer makes that client wait its Retry-After (at most 1 s), as the OpenTelemetry
 * exporter backs off. Requests still running at the end are awaited and counted.
 */
export async function runIngestLoad(options: {
  url: string;
  token: string;
  bodies: Buffer[];
  recordsPerBody: number;
  gzip: boolean;
  clients: number;
  durationS: number;
}): Promise<IngestFigures> {
  const url = new URL(options.url);
  const agent = new http.Agent({
    keepAlive: true,
    maxSockets: options.clients,
  });
  const headers = {
    'content-type': 'application/json',
    authorization: `Bearer ${options.token}`,
    ...(options.gzip && { 'content-encoding': 'gzip' }),
  };
  const figures: IngestFigures = {
    durationS: options.durationS,
    requests: 0,
    acknowledged: 0,
    rejected: 0,
    statuses: {},
    failed: 0,
    latencyMs: { p50: 0, p95: 0, p99: 0, max: 0 },
  };
  const latencies: number[] = [];
  const started = performance.now();
  const end = started + options.durationS * 1000;

  const client = async (c: number) => {
    for (let i = c; performance.now() < end; i += options.clients) {
      const body = options.bodies[i % options.bodies.length];
      const at = performance.now();
      try {
        const answer = await post(agent, url, headers, body);
        latencies.push(performance.now() - at);
        figures.requests += 1;
        figures.statuses[answer.status] =
          (figures.statuses[answer.status] ?? 0) + 1;
        if (answer.status === 200) {
          const rejected = Number(
            JSON.parse(answer.text || '{}').partialSuccess
              ?.rejectedLogRecords ?? 0,
          );
          figures.rejected += rejected;
          figures.acknowledged += options.recordsPerBody - rejected;
        } else {
          figures.firstError ??= `HTTP ${answer.status}: ${answer.text.slice(
            0,
            200,
          )}`;
          if (answer.retryAfterS > 0) {
            await new Promise(r =>
              setTimeout(r, Math.min(1000, answer.retryAfterS * 1000)),
            );
          }
        }
      } catch (error) {
        figures.failed += 1;
        figures.firstError ??= String(error);
      }
    }
  };
  await Promise.all(
    Array.from({ length: options.clients }, (_, c) => client(c)),
  );
  figures.durationS = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  figures.latencyMs = {
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1] ?? NaN,
  };
  return figures;
}
