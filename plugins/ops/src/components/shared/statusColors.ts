import { HealthStatus } from '@opsconsole/backstage-plugin-ops-common';

/** Chip colours of each health status (pass green, warn amber, fail red, ...). */
export const HEALTH_STATUS_COLORS: Record<
  HealthStatus,
  { background: string; color: string }
> = {
  pass: { background: '#2e7d32', color: '#ffffff' },
  warn: { background: '#ffb300', color: 'rgba(0, 0, 0, 0.87)' },
  fail: { background: '#c62828', color: '#ffffff' },
  unknown: { background: '#9e9e9e', color: '#ffffff' },
  misconfigured: { background: '#7b1fa2', color: '#ffffff' },
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
