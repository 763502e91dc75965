import { AuditEvent } from '@opsconsole/backstage-plugin-ops-common';
import { formatFlagValue } from '../../flags/flagFormat';

const ACTION_LABELS: Record<string, string> = {
  'flag-override-set': 'Flag override set',
  'flag-override-remove': 'Flag override removed',
  'user-pii-reveal': 'Personal data revealed',
  'tenant-pause': 'Sending paused',
  'tenant-resume': 'Sending resumed',
  'tenant-queue-pause': 'Queues paused (emergency)',
  'tenant-queue-resume': 'Queues resumed',
  'tenant-notice-send': 'Notice sent to the tenant admin',
  'queue-samples-unredacted-view': 'Queue samples viewed unredacted',
};

/** "Flag override set"; unknown actions as words ("queue-drain" → "Queue drain"). */
export function actionLabel(action: string): string {
  const known = ACTION_LABELS[action];
  if (known) {
    return known;
  }
  const words = action.replace(/[-_.]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const asRecord = (value: unknown): Record<string, unknown> | undefined =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;

/**
 * What an event did, in words, from its details: the flag and the variant
 * change of an override, else nothing.
 */
export function describeEvent(event: AuditEvent): string {
  const details = event.details ?? {};
  const flagKey = typeof details.flagKey === 'string' ? details.flagKey : '';
  const before = asRecord(details.before);
  const after = asRecord(details.after);
  const variant = (record?: Record<string, unknown>) =>
    record ? formatFlagValue(record.variant) : 'no override';
  switch (event.action) {
    case 'flag-override-set':
      return `${flagKey}: ${variant(before)} → ${formatFlagValue(
        after?.variant ?? details.variant,
      )}`;
    case 'flag-override-remove':
      return `${flagKey}: ${variant(before)} → no override`;
    default:
      return flagKey;
  }
}

/** The operator's reason of an event, when it has one. */
export function eventReason(event: AuditEvent): string | undefined {
  const reason = event.details?.reason;
  return typeof reason === 'string' && reason ? reason : undefined;
}
