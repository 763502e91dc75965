import { createHash } from 'node:crypto';
import { Flag, FlagResolution } from '@opsconsole/backstage-plugin-ops-common';

/** OFREP evaluation context: `targetingKey`, `tenantId` and any other attributes. */
export type EvaluationContext = Record<string, unknown>;

/** The context attribute flags bucket by unless they say otherwise. */
export const DEFAULT_BUCKET_BY = 'tenantId';

/**
 * The sticky rollout bucket of a bucketing value for a flag: the first 32 bits of
 * SHA-1(`<flag key>/<value>`) scaled to 0 ≤ bucket < 100, in steps of 0.01. It depends on
 * nothing but its inputs, so it is the same on every replica and after restarts; a value
 * is inside a rollout of p % when its bucket is below p, so raising p only adds values.
 */
export function bucketOf(flagKey: string, value: string): number {
  const digest = createHash('sha1').update(`${flagKey}/${value}`).digest();
  return Math.floor((digest.readUInt32BE(0) / 0x1_0000_0000) * 10_000) / 100;
}

/** The bucketing value of a context for a flag, or undefined when it has none. */
export function bucketingValue(
  flag: Pick<Flag, 'bucketBy'>,
  context: EvaluationContext,
): string | undefined {
  const raw = context[flag.bucketBy];
  if (typeof raw === 'string' && raw.length > 0) return raw;
  if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
  return undefined;
}

/** Whether the flag has a variant of that name (own property, not the prototype's). */
export const hasVariant = (flag: Pick<Flag, 'variants'>, variant: string) =>
  Object.prototype.hasOwnProperty.call(flag.variants, variant);

const serve = (
  flag: Flag,
  variant: string,
  rest: Omit<FlagResolution, 'value' | 'variant'>,
): FlagResolution => ({ value: flag.variants[variant], variant, ...rest });

/**
 * Evaluates a flag, in this order:
 *
 * 1. a tenant override (`overrideVariant`, the variant set for the context's tenant) →
 *    that variant, reason `TARGETING_MATCH`;
 * 2. the kill switch → the default variant, reason `DISABLED`;
 * 3. a rollout (a rollout variant and 0 < rollout % ) → the rollout variant when the
 *    bucket of the context's bucketing attribute (`bucketBy`, default `tenantId`) is below
 *    the rollout percentage, else the default variant; reason `SPLIT`. At 100 % everyone
 *    is inside and no bucketing value is needed; below it, a context without one is an
 *    error (`TARGETING_KEY_MISSING`);
 * 4. otherwise the default variant, reason `STATIC`.
 *
 * Pure: no I/O, no clock.
 */
export function evaluateFlag(
  flag: Flag,
  overrideVariant: string | undefined,
  context: EvaluationContext,
): FlagResolution {
  if (overrideVariant !== undefined && hasVariant(flag, overrideVariant)) {
    return serve(flag, overrideVariant, {
      reason: 'TARGETING_MATCH',
      why: 'override',
    });
  }
  if (flag.killSwitch) {
    return serve(flag, flag.defaultVariant, {
      reason: 'DISABLED',
      why: 'kill-switch',
    });
  }
  const rolloutVariant = flag.rolloutVariant;
  if (
    rolloutVariant &&
    hasVariant(flag, rolloutVariant) &&
    flag.rolloutPercentage > 0
  ) {
    const value = bucketingValue(flag, context);
    const bucket = value === undefined ? undefined : bucketOf(flag.key, value);
    if (bucket === undefined && flag.rolloutPercentage < 100) {
      return {
        reason: 'ERROR',
        why: 'error',
        errorCode: 'TARGETING_KEY_MISSING',
        errorDetails: `Flag '${flag.key}' is rolled out to ${flag.rolloutPercentage}% by the context attribute '${flag.bucketBy}', which the context does not carry`,
      };
    }
    const inside = bucket === undefined || bucket < flag.rolloutPercentage;
    return serve(flag, inside ? rolloutVariant : flag.defaultVariant, {
      reason: 'SPLIT',
      why: 'rollout',
      ...(bucket !== undefined && { bucket }),
    });
  }
  return serve(flag, flag.defaultVariant, { reason: 'STATIC', why: 'default' });
}

/** Whether two resolutions give a caller a different answer. */
export function answerChanged(a: FlagResolution, b: FlagResolution): boolean {
  return (
    a.variant !== b.variant ||
    a.errorCode !== b.errorCode ||
    JSON.stringify(a.value) !== JSON.stringify(b.value)
  );
}
