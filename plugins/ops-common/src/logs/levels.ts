import { everyValue } from '../schema/everyValue';
// The ordered log levels of the query language and of stored records.

import type { OpsApiComponents } from '../schema';

/** A log level. @public */
export type LogLevel = OpsApiComponents['schemas']['LogLevel'];

/**
 * Log levels from least to most severe: trace < debug < info < warn < error < fatal.
 * @public
 */
export const LOG_LEVELS = everyValue<LogLevel>()([
  'trace',
  'debug',
  'info',
  'warn',
  'error',
  'fatal',
] as const);

const LEVEL_ALIASES: Record<string, LogLevel> = {
  warning: 'warn',
  err: 'error',
};

/**
 * Reads a level name case-insensitively (`WARN`, `warning` and `err` are accepted);
 * undefined when it is not a level.
 * @public
 */
export function parseLogLevel(name: string): LogLevel | undefined {
  const lower = name.toLowerCase();
  if ((LOG_LEVELS as readonly string[]).includes(lower)) {
    return lower as LogLevel;
  }
  return Object.prototype.hasOwnProperty.call(LEVEL_ALIASES, lower)
    ? LEVEL_ALIASES[lower]
    : undefined;
}

/** The position of a level in {@link LOG_LEVELS} (trace is 0, fatal is 5). @public */
export function logLevelRank(level: LogLevel): number {
  return LOG_LEVELS.indexOf(level);
}

/**
 * The levels a level comparison matches, least severe first; e.g. `>=`, `warn` gives
 * warn, error and fatal. Handy for compiling to `IN (...)` or a regex.
 * @public
 */
export function logLevelsMatching(
  op: '=' | '>=' | '>' | '<=' | '<',
  level: LogLevel,
): LogLevel[] {
  const rank = logLevelRank(level);
  return LOG_LEVELS.filter((_, i) => {
    switch (op) {
      case '>=':
        return i >= rank;
      case '>':
        return i > rank;
      case '<=':
        return i <= rank;
      case '<':
        return i < rank;
      default:
        return i === rank;
    }
  });
}
