import { HealthStatus } from '@opsconsole/backstage-plugin-ops-common';
import { HEALTH_STATUS_COLORS } from '../shared/statusColors';

/** Formats a duration in milliseconds; `–` when there is no data. */
export function formatLatency(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || Number.isNaN(ms)) {
    return '–';
  }
  if (ms >= 1000) {
    return `${(ms / 1000).toFixed(ms >= 10000 ? 0 : 1)} s`;
  }
  return `${Math.round(ms)} ms`;
}

/** Formats a health check's observed value and unit ("12 ms", "true"). */
export function formatObservedValue(value: unknown, unit?: string): string {
  if (value === undefined || value === null) {
    return '–';
  }
  const text =
    typeof value === 'object' ? JSON.stringify(value) : String(value);
  return unit ? `${text} ${unit}` : text;
}

/** Display order of statuses: worst first. */
export const HEALTH_STATUS_ORDER: HealthStatus[] = [
  'fail',
  'misconfigured',
  'warn',
  'unknown',
  'pass',
];

/** Human label of a status. */
export const HEALTH_STATUS_LABELS: Record<HealthStatus, string> = {
  pass: 'Pass',
  warn: 'Warn',
  fail: 'Fail',
  unknown: 'Unknown',
  misconfigured: 'Misconfigured',
};

/** Colour of an uptime share (0..1) in bars and strips; grey without data. */
export function uptimeColor(uptime: number | null | undefined): string {
  if (uptime === null || uptime === undefined) {
    return '#e0e0e0';
  }
  if (uptime >= 0.999) {
    return HEALTH_STATUS_COLORS.pass.background;
  }
  if (uptime >= 0.95) {
    return HEALTH_STATUS_COLORS.warn.background;
  }
  return HEALTH_STATUS_COLORS.fail.background;
}

const KNOWN_STATUSES = new Set<string>(Object.keys(HEALTH_STATUS_COLORS));

/** Narrows a free-form check status ("pass", "ok", ...) to a HealthStatus. */
export function toHealthStatus(status: string): HealthStatus {
  const normalized = status.toLowerCase();
  if (KNOWN_STATUSES.has(normalized)) {
    return normalized as HealthStatus;
  }
  // draft-inadarei-api-health-check aliases
  if (normalized === 'ok' || normalized === 'up') {
    return 'pass';
  }
  if (normalized === 'error' || normalized === 'down') {
    return 'fail';
  }
  return 'unknown';
}
