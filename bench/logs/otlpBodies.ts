import zlib from 'node:zlib';
import { hexOf, MESSAGES, SERVICES, SEVERITIES, tenantName } from './logCorpus';

const str = (key: string, value: string) => ({
  key,
  value: { stringValue: value },
});

/**
 * One ExportLogsServiceRequest (OTLP/JSON) of `records` records, as the OpenTelemetry JS
 * exporter sends it: resources of 4 services (service.name, version, host, environment),
 * one instrumentation scope each, records with nanosecond times, severity, a string body,
 * trace and span ids and attributes (tenant.id, message.id, smtp.code, http.route).
 */
export function otlpRequest(seed: number, records: number, nowMs: number) {
  const services = [0, 1, 2, 3].map(
    i => SERVICES[(seed + i * 3) % SERVICES.length],
  );
  const perService = services.map(() => [] as unknown[]);
  for (let i = 0; i < records; i++) {
    const n = seed * records + i;
    const severity =
      SEVERITIES[n % 7 === 0 ? 2 + (n % 2) : n % 3 === 0 ? 0 : 1];
    const timeNs = BigInt(nowMs - (records - i)) * 1_000_000n;
    perService[i % services.length].push({
      timeUnixNano: String(timeNs),
      observedTimeUnixNano: String(timeNs + 150_000n),
      severityNumber: severity.number,
      severityText: severity.text,
      body: {
        stringValue: MESSAGES[n % MESSAGES.length].replace(/#/g, () =>
          String((n * 7919) % 100_000),
        ),
      },
      attributes: [
        str('tenant.id', tenantName(n)),
        str('message.id', `msg-${hexOf(n, 12)}`),
        { key: 'smtp.code', value: { intValue: String(250 + (n % 3) * 100) } },
        str('http.route', '/api/v1/messages'),
      ],
      traceId: hexOf(n, 32),
      spanId: hexOf(n + 1, 16),
      flags: 1,
    });
  }
  return {
    resourceLogs: services.map((service, s) => ({
      resource: {
        attributes: [
          str('service.name', service),
          str('service.version', '1.14.2'),
          str('host.name', `${service}-7d9f8-${s}`),
          str('deployment.environment', 'production'),
        ],
      },
      scopeLogs: [
        {
          scope: { name: '@opsconsole/example-platform', version: '1.0.0' },
          logRecords: perService[s],
        },
      ],
    })),
  };
}

/** `count` distinct request bodies (JSON, or gzip of it) of `records` records each. */
export function otlpBodies(options: {
  count: number;
  records: number;
  gzip: boolean;
  nowMs: number;
}): Buffer[] {
  return Array.from({ length: options.count }, (_, seed) => {
    const json = Buffer.from(
      JSON.stringify(otlpRequest(seed, options.records, options.nowMs)),
    );
    return options.gzip ? zlib.gzipSync(json) : json;
  });
}
