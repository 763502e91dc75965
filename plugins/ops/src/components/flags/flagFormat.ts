import {
  Flag,
  FlagOverride,
  FlagResolution,
  FlagResolutionWhy,
  FlagValue,
} from '@opsconsole/backstage-plugin-ops-common';

/** A flag value as text: `on` / `off` for booleans, JSON for objects. */
export function formatFlagValue(value: unknown): string {
  if (value === undefined || value === null) {
    return '–';
  }
  if (typeof value === 'boolean') {
    return value ? 'on' : 'off';
  }
  if (typeof value === 'object') {
    return JSON.stringify(value);
  }
  return String(value);
}

/**
 * How a variant is offered to an operator: "On" / "Off" for boolean flags
 * (whatever the variant is called), else `name (value)`.
 */
export function variantLabel(flag: Flag, variant: string): string {
  const value: FlagValue | undefined = Object.prototype.hasOwnProperty.call(
    flag.variants,
    variant,
  )
    ? flag.variants[variant]
    : undefined;
  if (flag.type === 'boolean' && typeof value === 'boolean') {
    return value ? 'On' : 'Off';
  }
  if (value === undefined) {
    return `${variant} (no such variant)`;
  }
  const text = formatFlagValue(value);
  return text === variant ? variant : `${variant} (${text})`;
}

/** The variants of a flag in the order to offer them: "on" before "off". */
export function orderedVariants(flag: Flag): string[] {
  const names = Object.keys(flag.variants);
  if (flag.type !== 'boolean') {
    return names;
  }
  return [...names].sort(
    (a, b) =>
      Number(flag.variants[b] === true) - Number(flag.variants[a] === true),
  );
}

/** Short labels of why a tenant gets its answer. */
export const WHY_LABELS: Record<FlagResolutionWhy, string> = {
  override: 'Tenant override',
  'kill-switch': 'Kill switch',
  rollout: 'Rollout',
  default: 'Default',
  error: 'Error',
};

/** Whether the flag is rolled out to part of its bucketing values. */
export function hasRollout(flag: Flag): boolean {
  return Boolean(
    flag.rolloutVariant &&
      Object.prototype.hasOwnProperty.call(
        flag.variants,
        flag.rolloutVariant,
      ) &&
      flag.rolloutPercentage > 0,
  );
}

/** The global state of a flag in words: kill switch, rollout or default only. */
export function describeGlobalState(flag: Flag): string {
  if (flag.killSwitch) {
    return `Kill switch on: everyone gets ${variantLabel(
      flag,
      flag.defaultVariant,
    )}`;
  }
  if (hasRollout(flag)) {
    return `${flag.rolloutPercentage} % get ${variantLabel(
      flag,
      flag.rolloutVariant!,
    )}, the rest ${variantLabel(flag, flag.defaultVariant)}`;
  }
  return `Everyone gets ${variantLabel(flag, flag.defaultVariant)}`;
}

/**
 * Why a tenant gets its answer, in a sentence: the override and its reason,
 * the kill switch, its rollout bucket against the percentage, or the default.
 */
export function describeResolution(
  flag: Flag,
  resolution: FlagResolution,
  override?: FlagOverride,
): string {
  switch (resolution.why) {
    case 'override':
      return override
        ? `Overridden for this tenant: ${override.reason}`
        : 'Overridden for this tenant';
    case 'kill-switch':
      return 'The kill switch is on: every tenant gets the default';
    case 'rollout': {
      if (resolution.bucket === undefined) {
        return `Rolled out to ${flag.rolloutPercentage} %: every tenant is inside`;
      }
      const inside = resolution.bucket < flag.rolloutPercentage;
      return `Rollout ${flag.rolloutPercentage} %: bucket ${formatBucket(
        resolution.bucket,
      )} is ${inside ? 'inside' : 'outside'} the rollout`;
    }
    case 'default':
      return 'No rollout and no override: the default variant';
    case 'error':
    default:
      return [resolution.errorCode, resolution.errorDetails]
        .filter(Boolean)
        .join(': ');
  }
}

function formatBucket(bucket: number): string {
  return Number.isInteger(bucket) ? String(bucket) : bucket.toFixed(2);
}
