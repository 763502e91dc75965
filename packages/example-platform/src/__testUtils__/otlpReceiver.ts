import http from 'node:http';
import { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';

/** One log record as an OTLP/HTTP JSON request carried it, flattened. */
export interface ReceivedLogRecord {
  /** Resource attribute `service.name`. */
  service: string;
  resource: Record<string, string>;
  severityNumber: number;
  severityText: string;
  body: string;
  attributes: Record<string, string | number | boolean>;
  traceId?: string;
  spanId?: string;
}

/** One request the receiver got. */
export interface ReceivedRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
  records: ReceivedLogRecord[];
}

type KeyValue = { key: string; value: Record<string, unknown> };

function valueOf(value: Record<string, unknown>): string | number | boolean {
  if ('stringValue' in value) return String(value.stringValue);
  if ('intValue' in value) return Number(value.intValue);
  if ('doubleValue' in value) return Number(value.doubleValue);
  if ('boolValue' in value) return Boolean(value.boolValue);
  return JSON.stringify(value);
}

function attributesOf(list: KeyValue[] | undefined) {
  return Object.fromEntries(
    (list ?? []).map(kv => [kv.key, valueOf(kv.value)]),
  );
}

/** Flattens an OTLP/HTTP JSON `ExportLogsServiceRequest`. */
export function flattenLogsRequest(body: any): ReceivedLogRecord[] {
  return (body.resourceLogs ?? []).flatMap((rl: any) => {
    const resource = attributesOf(rl.resource?.attributes) as Record<
      string,
      string
    >;
    return (rl.scopeLogs ?? []).flatMap((sl: any) =>
      (sl.logRecords ?? []).map((lr: any) => ({
        service: resource['service.name'],
        resource,
        severityNumber: lr.severityNumber,
        severityText: lr.severityText,
        body: String(valueOf(lr.body ?? {})),
        attributes: attributesOf(lr.attributes),
        ...(lr.traceId && { traceId: lr.traceId }),
        ...(lr.spanId && { spanId: lr.spanId }),
      })),
    );
  });
}

/**
 * A tiny OTLP/HTTP logs receiver on loopback: keeps every JSON request
 * (gzip or not) and answers 200 `{}` like a collector.
 */
export async function startOtlpReceiver(): Promise<{
  endpoint: string;
  requests: ReceivedRequest[];
  records(): ReceivedLogRecord[];
  close(): Promise<void>;
}> {
  const requests: ReceivedRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', chunk => chunks.push(chunk));
    req.on('end', () => {
      let raw = Buffer.concat(chunks);
      if (req.headers['content-encoding'] === 'gzip') {
        raw = gunzipSync(raw);
      }
      requests.push({
        path: req.url ?? '',
        headers: req.headers,
        records: flattenLogsRequest(JSON.parse(raw.toString('utf8'))),
      });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}/api/ops/otlp/v1/logs`,
    requests,
    records: () => requests.flatMap(r => r.records),
    close: () =>
      new Promise<void>(resolve => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
