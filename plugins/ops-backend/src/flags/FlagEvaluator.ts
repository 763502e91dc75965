import { FlagResolution } from '@opsconsole/backstage-plugin-ops-common';
import { EvaluationContext, evaluateFlag } from './evaluateFlag';
import { FlagSnapshot, FlagSnapshotCache } from './FlagSnapshotCache';
import { LastEvaluationRecorder } from './LastEvaluationRecorder';

/** One flag's answer for a context; `resolution` undefined when the flag is not served. */
export interface KeyedResolution {
  key: string;
  resolution?: FlagResolution;
}

/**
 * Evaluates flags for OFREP callers from the in-memory snapshot and records, per flag and
 * the context's `tenantId`, the last answer served. Archived and unknown flags are not
 * served.
 */
export class FlagEvaluator {
  constructor(
    private readonly snapshots: FlagSnapshotCache,
    private readonly recorder: LastEvaluationRecorder,
  ) {}

  async evaluate(
    key: string,
    context: EvaluationContext,
  ): Promise<KeyedResolution> {
    const snapshot = await this.snapshots.get();
    const flag = snapshot.flags.get(key);
    if (!flag) return { key };
    return {
      key,
      resolution: this.resolve(
        snapshot,
        key,
        context,
        new Date().toISOString(),
      ),
    };
  }

  async evaluateAll(context: EvaluationContext): Promise<KeyedResolution[]> {
    const snapshot = await this.snapshots.get();
    const time = new Date().toISOString();
    return [...snapshot.flags.keys()].map(key => ({
      key,
      resolution: this.resolve(snapshot, key, context, time),
    }));
  }

  private resolve(
    snapshot: FlagSnapshot,
    key: string,
    context: EvaluationContext,
    time: string,
  ): FlagResolution {
    const flag = snapshot.flags.get(key)!;
    const tenantId =
      typeof context.tenantId === 'string' && context.tenantId
        ? context.tenantId
        : undefined;
    const override = tenantId
      ? snapshot.overrides.get(key)?.get(tenantId)
      : undefined;
    const resolution = evaluateFlag(flag, override, context);
    if (tenantId) {
      this.recorder.record({
        flagKey: key,
        tenantId,
        value: resolution.value,
        variant: resolution.variant,
        reason: resolution.reason,
        errorCode: resolution.errorCode,
        time,
      });
    }
    return resolution;
  }
}
