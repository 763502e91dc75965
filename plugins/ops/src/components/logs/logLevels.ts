import { LOG_LEVELS, LogLevel } from '@opsconsole/backstage-plugin-ops-common';

/** Colour of each log level in rows and in the histogram. */
export const LOG_LEVEL_COLORS: Record<LogLevel, string> = {
  trace: '#9e9e9e',
  debug: '#78909c',
  info: '#1e88e5',
  warn: '#f9a825',
  error: '#e53935',
  fatal: '#8e24aa',
};

/** Levels from most to least severe, for legends and stacking order. */
export const LOG_LEVELS_SEVERE_FIRST: LogLevel[] = [...LOG_LEVELS].reverse();
