/**
 * The logging surface the platform needs. Backstage's `LoggerService` and
 * most structured loggers satisfy it.
 *
 * Meta conventions (the OTLP export maps them): `tenantId` when the line
 * concerns a tenant (attribute `tenant.id`), `traceId` + `spanId` (32 and 16
 * hex characters) for the trace of a request or mail job.
 *
 * @public
 */
export interface PlatformLogger {
  debug(message: string, meta?: Record<string, unknown>): void;
  info(message: string, meta?: Record<string, unknown>): void;
  warn(message: string, meta?: Record<string, unknown>): void;
  error(message: string, meta?: Record<string, unknown>): void;
}

/** @public */
export type PlatformLogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

const LEVELS: Record<PlatformLogLevel, number> = {
  debug: 10,
  info: 20,
  warn: 30,
  error: 40,
  silent: 100,
};

/** Returns true when the given string names a log level. */
export function isLogLevel(value: string): value is PlatformLogLevel {
  return Object.prototype.hasOwnProperty.call(LEVELS, value);
}

/**
 * A logger that writes one line per entry to stdout/stderr, prefixed with
 * the time, level and an optional scope.
 *
 * @public
 */
export function createConsoleLogger(
  level: PlatformLogLevel = 'info',
  scope = 'example-platform',
): PlatformLogger {
  const threshold = LEVELS[level];
  const write =
    (entryLevel: Exclude<PlatformLogLevel, 'silent'>) =>
    (message: string, meta?: Record<string, unknown>) => {
      if (LEVELS[entryLevel] < threshold) {
        return;
      }
      const suffix =
        meta && Object.keys(meta).length > 0 ? ` ${JSON.stringify(meta)}` : '';
      const line = `${new Date().toISOString()} ${entryLevel} [${scope}] ${message}${suffix}\n`;
      if (LEVELS[entryLevel] >= LEVELS.warn) {
        process.stderr.write(line);
      } else {
        process.stdout.write(line);
      }
    };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
  };
}

/** A logger that drops everything; handy in tests. @public */
export const silentLogger: PlatformLogger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
};

/** A logger that writes every entry to each of the given loggers. */
export function teeLoggers(...loggers: PlatformLogger[]): PlatformLogger {
  const write =
    (level: keyof PlatformLogger) =>
    (message: string, meta?: Record<string, unknown>) => {
      for (const logger of loggers) {
        // pass meta only when given, as a direct call would
        if (meta === undefined) {
          logger[level](message);
        } else {
          logger[level](message, meta);
        }
      }
    };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
  };
}
