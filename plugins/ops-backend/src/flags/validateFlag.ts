import { InputError } from '@backstage/errors';
import {
  Flag,
  FlagPatch,
  FlagType,
  FlagValue,
} from '@opsconsole/backstage-plugin-ops-common';
import { hasVariant } from './evaluateFlag';

const BUCKET_BY = /^[A-Za-z_][A-Za-z0-9_.-]{0,99}$/;
const VARIANT = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;

function valueHasType(value: unknown, type: FlagType): value is FlagValue {
  switch (type) {
    case 'boolean':
      return typeof value === 'boolean';
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'object':
      return (
        typeof value === 'object' && value !== null && !Array.isArray(value)
      );
    default:
      return false;
  }
}

/** Throws an InputError naming what is wrong when a flag is not consistent. */
export function validateFlag(flag: Flag): void {
  const names = Object.keys(flag.variants);
  if (names.length === 0) {
    throw new InputError(`Flag '${flag.key}' needs at least one variant`);
  }
  for (const name of names) {
    if (!VARIANT.test(name)) {
      throw new InputError(
        `Variant name '${name}' is invalid: use letters, digits, '.', '_' or '-' (at most 100)`,
      );
    }
    if (!valueHasType(flag.variants[name], flag.type)) {
      throw new InputError(
        `Variant '${name}' of flag '${flag.key}' is ${JSON.stringify(
          flag.variants[name],
        )}, not a ${flag.type}`,
      );
    }
  }
  if (!hasVariant(flag, flag.defaultVariant)) {
    throw new InputError(
      `Default variant '${
        flag.defaultVariant
      }' is not one of the variants (${names.join(', ')})`,
    );
  }
  if (
    flag.rolloutVariant !== null &&
    flag.rolloutVariant !== undefined &&
    !hasVariant(flag, flag.rolloutVariant)
  ) {
    throw new InputError(
      `Rollout variant '${
        flag.rolloutVariant
      }' is not one of the variants (${names.join(', ')})`,
    );
  }
  if (
    !Number.isFinite(flag.rolloutPercentage) ||
    flag.rolloutPercentage < 0 ||
    flag.rolloutPercentage > 100
  ) {
    throw new InputError(
      `Rollout percentage must be between 0 and 100, got ${flag.rolloutPercentage}`,
    );
  }
  if (flag.rolloutPercentage > 0 && !flag.rolloutVariant) {
    throw new InputError(
      `A rollout of ${flag.rolloutPercentage}% needs a rollout variant: the variant served inside the rollout`,
    );
  }
  if (!BUCKET_BY.test(flag.bucketBy)) {
    throw new InputError(
      `bucketBy '${flag.bucketBy}' is not a context attribute name`,
    );
  }
}

/** The flag with a patch applied (not yet validated). */
export function applyPatch(flag: Flag, patch: FlagPatch, now: string): Flag {
  const defined = Object.fromEntries(
    Object.entries(patch).filter(([, v]) => v !== undefined),
  ) as FlagPatch;
  return { ...flag, ...defined, updatedAt: now };
}

/** Throws an InputError unless the reason says something. */
export function requireReason(reason: string | undefined): string {
  const trimmed = reason?.trim();
  if (!trimmed) {
    throw new InputError(
      'A reason is required: say why the change is made (it is kept in the flag history and the audit trail)',
    );
  }
  return trimmed;
}
