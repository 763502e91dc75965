import { PlatformLogger, teeLoggers } from '../logger';
import { RoleName } from '../roles/roleNames';
import {
  FlushableLogger,
  OtlpLogExport,
  OtlpLogsOptions,
  startOtlpLogExport,
} from './otlpLogs';
import { LOG_SERVICE_NAMES, LOG_SERVICE_NAMESPACE } from './serviceNames';

/** The loggers of the roles running in one process. */
export interface RoleLoggers {
  /** The role's logger: the console and, when OTLP is on, its log export. */
  of(role: RoleName): FlushableLogger;
  /** Flushes and stops every export. Idempotent. */
  shutdown(): Promise<void>;
}

/**
 * One logger per role. With `otlp`, each role gets its own OpenTelemetry
 * `LoggerProvider` (resource `service.name` from {@link LOG_SERVICE_NAMES}),
 * so several roles in one process still log as different services; every
 * line also goes to `console`. Without `otlp`, the console only.
 */
export function createRoleLoggers(options: {
  roles: readonly RoleName[];
  console: PlatformLogger;
  otlp?: OtlpLogsOptions;
  version: string;
}): RoleLoggers {
  const exports = new Map<RoleName, OtlpLogExport>();
  const loggers = new Map<RoleName, FlushableLogger>();
  for (const role of options.roles) {
    if (!options.otlp) {
      loggers.set(role, {
        ...teeLoggers(options.console),
        flush: async () => {},
      });
      continue;
    }
    const exported = startOtlpLogExport({
      otlp: options.otlp,
      resource: {
        'service.name': LOG_SERVICE_NAMES[role],
        'service.namespace': LOG_SERVICE_NAMESPACE,
        'service.version': options.version,
      },
      scope: { name: `example-platform-${role}`, version: options.version },
      reportFailure: message =>
        options.console.warn(`OTLP log export of ${role}: ${message}`),
    });
    exports.set(role, exported);
    loggers.set(role, {
      ...teeLoggers(options.console, exported.logger),
      flush: exported.logger.flush,
    });
  }
  let closing: Promise<void> | undefined;
  return {
    of(role) {
      const logger = loggers.get(role);
      if (!logger) {
        throw new Error(`role ${role} has no logger in this process`);
      }
      return logger;
    },
    shutdown() {
      closing ??= Promise.all(
        [...exports.values()].map(e => e.shutdown()),
      ).then(() => {});
      return closing;
    },
  };
}
