import {
  OpsAlertSeverity,
  QueueSummary,
} from '@opsconsole/backstage-plugin-ops-common';
import { HEALTH_STATUS_COLORS } from '../shared/statusColors';

export const SEVERITY_LABELS: Record<OpsAlertSeverity, string> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};

/** Chip colours of alert severities: critical dark red, high red, medium amber, low blue. */
export const SEVERITY_COLORS: Record<
  OpsAlertSeverity,
  { background: string; color: string }
> = {
  critical: { background: '#7f0000', color: '#ffffff' },
  high: HEALTH_STATUS_COLORS.fail,
  medium: HEALTH_STATUS_COLORS.warn,
  low: { background: '#1565c0', color: '#ffffff' },
};

/** The banner (MUI Alert) severity of an alert severity. */
export const SEVERITY_BANNERS: Record<
  OpsAlertSeverity,
  'error' | 'warning' | 'info'
> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'info',
};

/** Colour of the paused state of a queue. */
export const PAUSED_COLORS = { background: '#5e35b1', color: '#ffffff' };

/** "412/min", "0.5/min"; `–` when not known yet. */
export function formatRate(perMinute: number | undefined): string {
  if (perMinute === undefined || Number.isNaN(perMinute)) {
    return '–';
  }
  const rounded =
    perMinute >= 10 ? Math.round(perMinute) : Math.round(perMinute * 10) / 10;
  return `${rounded.toLocaleString('en-US')}/min`;
}

/** "45 s", "12 min", "3 h 5 min", "2 d 4 h"; `–` when missing. */
export function formatAge(seconds: number | undefined): string {
  if (seconds === undefined || Number.isNaN(seconds) || seconds < 0) {
    return '–';
  }
  const s = Math.floor(seconds);
  if (s < 60) {
    return `${s} s`;
  }
  const minutes = Math.floor(s / 60);
  if (minutes < 60) {
    return `${minutes} min`;
  }
  const hours = Math.floor(minutes / 60);
  if (hours < 24) {
    const rest = minutes % 60;
    return rest ? `${hours} h ${rest} min` : `${hours} h`;
  }
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  return rest ? `${days} d ${rest} h` : `${days} d`;
}

/** Jobs kept by a pause: waiting and delayed ones. */
export function heldJobs(queues: QueueSummary[]): number {
  return queues.reduce(
    (sum, queue) => sum + queue.counts.waiting + queue.counts.delayed,
    0,
  );
}
