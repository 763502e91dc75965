// Sends log records with the official OpenTelemetry JS SDK (sdk-logs + the OTLP/HTTP JSON
// exporter) and prints the export results as JSON. Run as a child process: the exporter
// loads `http` with a dynamic import(), which Jest's module sandbox cannot run.
// Usage: node exportWithOtelSdk.js '<json options>'
const { context, SeverityNumber, trace } = require('@opentelemetry/api');
const { OTLPLogExporter } = require('@opentelemetry/exporter-logs-otlp-http');
const { resourceFromAttributes } = require('@opentelemetry/resources');
const {
  BatchLogRecordProcessor,
  LoggerProvider,
} = require('@opentelemetry/sdk-logs');

async function main() {
  const options = JSON.parse(process.argv[2]);
  const results = [];
  const otlp = new OTLPLogExporter({
    url: options.url,
    headers: { authorization: `Bearer ${options.token}` },
    compression: options.compression,
  });
  const exporter = {
    export: (logs, done) =>
      otlp.export(logs, result => {
        results.push({
          code: result.code,
          ...(result.error && { error: String(result.error) }),
        });
        done(result);
      }),
    shutdown: () => otlp.shutdown(),
  };
  const provider = new LoggerProvider({
    resource: resourceFromAttributes({
      'service.name': options.service,
      'deployment.environment': 'test',
    }),
    processors: [new BatchLogRecordProcessor({ exporter })],
  });
  const logger = provider.getLogger('mail-sender');
  const traced = trace.setSpanContext(context.active(), {
    traceId: options.traceId,
    spanId: options.spanId,
    traceFlags: 1,
  });
  for (let i = 0; i < options.count; i++) {
    const error = i % 5 === 0;
    logger.emit({
      severityNumber: error ? SeverityNumber.ERROR : SeverityNumber.INFO,
      severityText: error ? 'ERROR' : 'INFO',
      body: `delivery ${i} connection refused by mx.acme.example`,
      attributes: { 'tenant.id': 'acme', 'http.status_code': 503, attempt: i },
      context: traced,
    });
  }
  await provider.forceFlush();
  await provider.shutdown();
  process.stdout.write(JSON.stringify(results));
}

main().catch(error => {
  process.stderr.write(String(error?.stack ?? error));
  process.exit(1);
});
