import {
  Attributes,
  Logger,
  ROOT_CONTEXT,
  SeverityNumber,
  trace,
  TraceFlags,
} from '@opentelemetry/api';
import { OTLPLogExporter } from '@opentelemetry/exporter-logs-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchLogRecordProcessor,
  LoggerProvider,
  LogRecordExporter,
} from '@opentelemetry/sdk-logs';
import { PlatformLogger } from '../logger';

/**
 * Where the platform sends its logs: an OTLP/HTTP JSON logs endpoint (the
 * Ops Console's is `http://localhost:7007/api/ops/otlp/v1/logs`).
 *
 * @public
 */
export interface OtlpLogsOptions {
  /** Full URL of the logs endpoint (`…/v1/logs`). */
  endpoint: string;
  /** Sent as `Authorization: Bearer <token>` (a Backstage external access token). */
  token?: string;
  /** How often batches are sent. Default 1000 ms. */
  scheduledDelayMillis?: number;
}

/** A logger that also flushes what it has buffered. */
export interface FlushableLogger extends PlatformLogger {
  /** Sends buffered records now; resolves when they were sent (or failed). */
  flush(): Promise<void>;
}

/** One service's OTLP log export. */
export interface OtlpLogExport {
  logger: FlushableLogger;
  /** Flushes and stops; later log calls are dropped. */
  shutdown(): Promise<void>;
}

/** What the OTLP/HTTP exporter takes (its compression is an enum of otlp-exporter-base). */
type ExporterConfig = NonNullable<
  ConstructorParameters<typeof OTLPLogExporter>[0]
>;

type Level = 'debug' | 'info' | 'warn' | 'error';

const SEVERITY: Record<Level, SeverityNumber> = {
  debug: SeverityNumber.DEBUG,
  info: SeverityNumber.INFO,
  warn: SeverityNumber.WARN,
  error: SeverityNumber.ERROR,
};

/** Records buffered at most; a bigger error burst is refused beforehand. */
export const MAX_QUEUED_RECORDS = 20_000;

/**
 * Log meta → record attributes. `tenantId` becomes `tenant.id`; `traceId`
 * and `spanId` become the record's trace context (not attributes); values
 * that are not strings, numbers or booleans are sent as JSON.
 */
export function toRecordFields(meta: Record<string, unknown> | undefined): {
  attributes: Attributes;
  traceId?: string;
  spanId?: string;
} {
  const attributes: Attributes = {};
  let traceId: string | undefined;
  let spanId: string | undefined;
  for (const [key, value] of Object.entries(meta ?? {})) {
    if (value === undefined || value === null) {
      continue;
    }
    if (key === 'traceId' && typeof value === 'string') {
      traceId = value;
    } else if (key === 'spanId' && typeof value === 'string') {
      spanId = value;
    } else {
      attributes[key === 'tenantId' ? 'tenant.id' : key] =
        typeof value === 'string' ||
        typeof value === 'number' ||
        typeof value === 'boolean'
          ? value
          : JSON.stringify(value);
    }
  }
  return { attributes, traceId, spanId };
}

function emitter(otel: Logger, level: Level) {
  return (message: string, meta?: Record<string, unknown>) => {
    const { attributes, traceId, spanId } = toRecordFields(meta);
    otel.emit({
      severityNumber: SEVERITY[level],
      severityText: level.toUpperCase(),
      body: message,
      attributes,
      // the SDK takes a record's trace and span id from its context
      context:
        traceId && spanId
          ? trace.setSpanContext(ROOT_CONTEXT, {
              traceId,
              spanId,
              traceFlags: TraceFlags.SAMPLED,
            })
          : ROOT_CONTEXT,
    });
  };
}

/**
 * Reports failed exports on `report` (the console, never the exported log
 * itself, so an unreachable endpoint cannot feed back), once per distinct
 * error until an export succeeds again.
 */
function reportingFailures(
  exporter: LogRecordExporter,
  report: (message: string) => void,
): LogRecordExporter {
  let last = '';
  return {
    export(records, done) {
      exporter.export(records, result => {
        // result.code 0 is ExportResultCode.SUCCESS
        const failure =
          result.code === 0 ? '' : String(result.error ?? 'export failed');
        if (failure && failure !== last) {
          report(`could not send ${records.length} log records: ${failure}`);
        }
        last = failure;
        done(result);
      });
    },
    shutdown: () => exporter.shutdown(),
    forceFlush: () => exporter.forceFlush?.() ?? Promise.resolve(),
  };
}

/**
 * Sends one service's logs to an OTLP/HTTP endpoint with the OpenTelemetry
 * SDK: a `LoggerProvider` whose resource names the service, a
 * `BatchLogRecordProcessor` and the OTLP/HTTP JSON exporter (gzip).
 */
export function startOtlpLogExport(options: {
  otlp: OtlpLogsOptions;
  resource: Record<string, string>;
  scope: { name: string; version: string };
  /** Where export failures are reported (not the export itself). */
  reportFailure(message: string): void;
}): OtlpLogExport {
  const { otlp } = options;
  const exporter = new OTLPLogExporter({
    url: otlp.endpoint,
    headers: otlp.token ? { Authorization: `Bearer ${otlp.token}` } : {},
    compression: 'gzip' as ExporterConfig['compression'],
  });
  const provider = new LoggerProvider({
    resource: resourceFromAttributes(options.resource),
    processors: [
      new BatchLogRecordProcessor({
        exporter: reportingFailures(exporter, options.reportFailure),
        scheduledDelayMillis: otlp.scheduledDelayMillis ?? 1000,
        maxQueueSize: MAX_QUEUED_RECORDS,
        maxExportBatchSize: 512,
      }),
    ],
  });
  const otel = provider.getLogger(options.scope.name, options.scope.version);
  let stopped: Promise<void> | undefined;
  return {
    logger: {
      debug: emitter(otel, 'debug'),
      info: emitter(otel, 'info'),
      warn: emitter(otel, 'warn'),
      error: emitter(otel, 'error'),
      flush: () => (stopped ? Promise.resolve() : provider.forceFlush()),
    },
    shutdown() {
      stopped ??= provider.shutdown();
      return stopped;
    },
  };
}
