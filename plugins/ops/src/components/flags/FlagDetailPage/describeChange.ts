import { FlagChange } from '@opsconsole/backstage-plugin-ops-common';
import { formatFlagValue } from '../flagFormat';

/** Labels of the actions in a flag's history. */
export const FLAG_CHANGE_LABELS: Record<string, string> = {
  'flag-create': 'Created',
  'flag-update': 'Changed',
  'flag-override-set': 'Override set',
  'flag-override-remove': 'Override removed',
};

// bookkeeping fields that change with every update
const IGNORED_FIELDS = new Set(['updatedAt', 'createdAt']);

function text(value: unknown): string {
  if (typeof value === 'boolean') {
    return value ? 'on' : 'off';
  }
  if (value === undefined || value === null) {
    return 'none';
  }
  return formatFlagValue(value);
}

/**
 * What a history entry changed, in words: "rolloutPercentage 50 → 0" per
 * changed field of a flag, "off → on" for an override.
 */
export function describeFlagChange(change: FlagChange): string {
  const before = change.before ?? undefined;
  const after = change.after ?? undefined;
  switch (change.action) {
    case 'flag-override-set':
      return before
        ? `variant ${text(before.variant)} → ${text(after?.variant)}`
        : `variant ${text(after?.variant)}`;
    case 'flag-override-remove':
      return `was variant ${text(before?.variant)}`;
    case 'flag-create':
      return after
        ? `default ${text(after.defaultVariant)}, rollout ${text(
            after.rolloutPercentage,
          )} %`
        : '';
    default: {
      if (!before || !after) {
        return '';
      }
      const fields = [
        ...new Set([...Object.keys(before), ...Object.keys(after)]),
      ].filter(
        field =>
          !IGNORED_FIELDS.has(field) &&
          JSON.stringify(before[field]) !== JSON.stringify(after[field]),
      );
      return fields
        .map(field => `${field} ${text(before[field])} → ${text(after[field])}`)
        .join('; ');
    }
  }
}
