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
