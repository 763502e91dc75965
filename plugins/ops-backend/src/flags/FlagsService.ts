import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  CreateFlagRequest,
  Flag,
  FlagDetail,
  FlagList,
  FlagOverride,
  FlagPreview,
  FlagPreviewChange,
  FlagPreviewRequest,
  FlagResolution,
  SourceStatus,
  TenantFlags,
  UpdateFlagRequest,
} from '@opsconsole/backstage-plugin-ops-common';
import { TenantDirectory } from '../tenants/TenantDirectory';
import {
  answerChanged,
  DEFAULT_BUCKET_BY,
  evaluateFlag,
  hasVariant,
} from './evaluateFlag';
import { FlagSnapshotCache } from './FlagSnapshotCache';
import { BeforeAfter, FlagsStore } from './FlagsStore';
import { LastEvaluationRecorder } from './LastEvaluationRecorder';
import { applyPatch, requireReason, validateFlag } from './validateFlag';

const HISTORY_LIMIT = 100;

const NOT_SERVED: FlagResolution = {
  reason: 'ERROR',
  why: 'error',
  errorCode: 'FLAG_NOT_FOUND',
  errorDetails: 'The flag is archived and not served',
};

/** A tenant's answer as the console sees it: the tenant id is its context. */
function resolveForTenant(
  flag: Flag,
  overrideVariant: string | undefined,
  tenantId: string,
): FlagResolution {
  if (flag.archived) return NOT_SERVED;
  return evaluateFlag(flag, overrideVariant, {
    tenantId,
    targetingKey: tenantId,
  });
}

/**
 * Feature flags: management (create, change, per-tenant overrides, preview) and the
 * per-tenant view. Knows nothing of HTTP; callers audit the mutations.
 */
export class FlagsService {
  constructor(
    private readonly deps: {
      store: FlagsStore;
      snapshots: FlagSnapshotCache;
      recorder: LastEvaluationRecorder;
      tenants: Pick<TenantDirectory, 'id' | 'listTenantIds'>;
      now?: () => Date;
    },
  ) {}

  private now() {
    return (this.deps.now?.() ?? new Date()).toISOString();
  }

  async listFlags(options: { includeArchived: boolean }): Promise<FlagList> {
    const [flags, counts] = await Promise.all([
      this.deps.store.listFlags(options),
      this.deps.store.countOverrides(),
    ]);
    return {
      flags: flags.map(flag => ({
        flag,
        overrideCount: counts.get(flag.key) ?? 0,
      })),
    };
  }

  async getFlag(key: string): Promise<FlagDetail> {
    const flag = await this.requireFlag(key);
    const [overrides, history] = await Promise.all([
      this.deps.store.listOverrides({ flagKey: key }),
      this.deps.store.listChanges({ flagKey: key, limit: HISTORY_LIMIT }),
    ]);
    return { flag, overrides, history };
  }

  async createFlag(request: CreateFlagRequest, actor: string): Promise<Flag> {
    const now = this.now();
    const flag: Flag = {
      key: request.key,
      name: request.name,
      description: request.description ?? '',
      type: request.type,
      variants: request.variants,
      defaultVariant: request.defaultVariant,
      rolloutPercentage: request.rolloutPercentage ?? 0,
      rolloutVariant: request.rolloutVariant ?? null,
      bucketBy: request.bucketBy ?? DEFAULT_BUCKET_BY,
      killSwitch: request.killSwitch ?? false,
      archived: false,
      createdAt: now,
      updatedAt: now,
    };
    validateFlag(flag);
    await this.deps.store.createFlag(flag, {
      flagKey: flag.key,
      action: 'flag-create',
      actor,
      reason: request.reason?.trim() || 'created',
      before: null,
      after: { ...flag },
      time: now,
    });
    await this.deps.snapshots.refresh();
    return flag;
  }

  async updateFlag(
    key: string,
    request: UpdateFlagRequest,
    actor: string,
  ): Promise<BeforeAfter<Flag>> {
    const reason = requireReason(request.reason);
    if (Object.keys(request.change ?? {}).length === 0) {
      throw new InputError('The change is empty: name at least one field');
    }
    const now = this.now();
    const overrides = await this.deps.store.listOverrides({ flagKey: key });
    const result = await this.deps.store.updateFlag(key, current => {
      if (current.archived && request.change.archived !== false) {
        throw new ConflictError(
          `Flag '${key}' is archived: unarchive it (archived: false) to change it`,
        );
      }
      const flag = applyPatch(current, request.change, now);
      validateFlag(flag);
      const orphaned = overrides.filter(o => !hasVariant(flag, o.variant));
      if (orphaned.length > 0) {
        throw new ConflictError(
          `Overrides of tenants ${orphaned
            .map(o => `'${o.tenantId}' (${o.variant})`)
            .join(
              ', ',
            )} use variants the change removes: remove those overrides first`,
        );
      }
      return {
        flag,
        change: {
          flagKey: key,
          action: 'flag-update',
          actor,
          reason,
          before: { ...current },
          after: { ...flag },
          time: now,
        },
      };
    });
    await this.deps.snapshots.refresh();
    return result;
  }

  async setOverride(
    key: string,
    tenantId: string,
    request: { variant: string; reason: string },
    actor: string,
  ): Promise<BeforeAfter<FlagOverride | undefined>> {
    const reason = requireReason(request.reason);
    const now = this.now();
    const result = await this.deps.store.setOverride(
      key,
      tenantId,
      (flag, previous) => {
        if (flag.archived) {
          throw new ConflictError(
            `Flag '${key}' is archived: overrides of archived flags are not served`,
          );
        }
        if (!hasVariant(flag, request.variant)) {
          throw new InputError(
            `Flag '${key}' has no variant '${
              request.variant
            }' (variants: ${Object.keys(flag.variants).join(', ')})`,
          );
        }
        const override: FlagOverride = {
          flagKey: key,
          tenantId,
          variant: request.variant,
          reason,
          actor,
          updatedAt: now,
        };
        return {
          override,
          change: {
            flagKey: key,
            tenantId,
            action: 'flag-override-set',
            actor,
            reason,
            before: previous ? { ...previous } : null,
            after: { ...override },
            time: now,
          },
        };
      },
    );
    await this.deps.snapshots.refresh();
    return result;
  }

  async removeOverride(
    key: string,
    tenantId: string,
    reasonText: string | undefined,
    actor: string,
  ): Promise<FlagOverride> {
    const reason = requireReason(reasonText);
    await this.requireFlag(key);
    const now = this.now();
    const removed = await this.deps.store.removeOverride(
      key,
      tenantId,
      previous => ({
        flagKey: key,
        tenantId,
        action: 'flag-override-remove',
        actor,
        reason,
        before: { ...previous },
        after: null,
        time: now,
      }),
    );
    await this.deps.snapshots.refresh();
    return removed;
  }

  /**
   * How many tenants change answer under a proposed change. Nothing is stored. Tenants:
   * `tenantIds` when given; else the tenant directory's (the catalog's Tenant entities)
   * plus every tenant with an override. A failing directory is reported in `sources`.
   */
  async preview(
    key: string,
    request: FlagPreviewRequest,
  ): Promise<FlagPreview> {
    const flag = await this.requireFlag(key);
    const proposed = request.change
      ? applyPatch(flag, request.change, flag.updatedAt)
      : flag;
    validateFlag(proposed);

    const current = new Map(
      (await this.deps.store.listOverrides({ flagKey: key })).map(o => [
        o.tenantId,
        o.variant,
      ]),
    );
    const next = new Map(current);
    if (request.override) {
      const { tenantId, variant } = request.override;
      if (variant === null) next.delete(tenantId);
      else if (!hasVariant(proposed, variant)) {
        throw new InputError(`Flag '${key}' has no variant '${variant}'`);
      } else next.set(tenantId, variant);
    }

    const sources: SourceStatus[] = [];
    let tenantIds: string[];
    if (request.tenantIds) {
      tenantIds = [...new Set(request.tenantIds)];
    } else {
      const known = new Set([...current.keys(), ...next.keys()]);
      try {
        (await this.deps.tenants.listTenantIds()).forEach(t => known.add(t));
        sources.push({ id: this.deps.tenants.id, status: 'ok' });
      } catch (error) {
        sources.push({
          id: this.deps.tenants.id,
          status: 'unavailable',
          error: `Could not list tenants: ${error}`,
        });
      }
      tenantIds = [...known].sort();
    }

    const changes: FlagPreviewChange[] = [];
    for (const tenantId of tenantIds) {
      const before = resolveForTenant(flag, current.get(tenantId), tenantId);
      const after = resolveForTenant(proposed, next.get(tenantId), tenantId);
      if (answerChanged(before, after))
        changes.push({ tenantId, before, after });
    }
    return {
      flagKey: key,
      tenantsCompared: tenantIds.length,
      tenantsChanged: changes.length,
      changes,
      sources,
    };
  }

  /** Every live flag for a tenant: its answer, why, its override and its last evaluation. */
  async getTenantFlags(tenantId: string): Promise<TenantFlags> {
    const [flags, overrides, evaluations] = await Promise.all([
      this.deps.store.listFlags({ includeArchived: false }),
      this.deps.store.listOverrides({ tenantId }),
      this.deps.recorder.list({ tenantId }),
    ]);
    const overrideOf = new Map(overrides.map(o => [o.flagKey, o]));
    const evaluationOf = new Map(evaluations.map(e => [e.flagKey, e]));
    return {
      tenantId,
      flags: flags.map(flag => {
        const override = overrideOf.get(flag.key);
        const lastEvaluation = evaluationOf.get(flag.key);
        return {
          flag,
          resolution: resolveForTenant(flag, override?.variant, tenantId),
          ...(override && { override }),
          ...(lastEvaluation && { lastEvaluation }),
        };
      }),
    };
  }

  private async requireFlag(key: string): Promise<Flag> {
    const flag = await this.deps.store.getFlag(key);
    if (!flag) throw new NotFoundError(`No flag '${key}'`);
    return flag;
  }
}
