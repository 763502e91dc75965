// Log levels as Loki writes them (`detected_level` and common `level` labels).

import {
  LogLevel,
  parseLogLevel,
} from '@opsconsole/backstage-plugin-ops-common';

/** The label values each level matches; Loki's `detected_level` calls fatal `critical` too. */
const LOKI_LEVEL_VALUES: Record<LogLevel, string[]> = {
  trace: ['trace'],
  debug: ['debug'],
  info: ['info'],
  warn: ['warn', 'warning'],
  error: ['error', 'err'],
  fatal: ['fatal', 'critical'],
};

/** The label values of some levels, in order, e.g. `warn|warning|error|err`. */
export function lokiLevelValues(levels: LogLevel[]): string[] {
  return levels.flatMap(level => LOKI_LEVEL_VALUES[level]);
}

/**
 * The level of a Loki label value; `critical` is fatal, and a missing or unknown
 * value (Loki's `unknown`) reads as info.
 */
export function levelFromLoki(value: string | undefined): LogLevel {
  if (!value) return 'info';
  if (value.toLowerCase() === 'critical') return 'fatal';
  return parseLogLevel(value) ?? 'info';
}
