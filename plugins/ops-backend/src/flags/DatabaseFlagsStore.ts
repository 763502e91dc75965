import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  Flag,
  FlagChange,
  FlagLastEvaluation,
  FlagOverride,
} from '@opsconsole/backstage-plugin-ops-common';
import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { toMillis } from '../database/migrations';
import { BeforeAfter, FlagsStore, NewFlagChange } from './FlagsStore';

type Row = Record<string, any>;

const CHUNK = 200;
const iso = (ms: unknown) => new Date(toMillis(ms)!).toISOString();
const json = (text: string | null) =>
  text === null || text === undefined ? undefined : JSON.parse(text);

/** Narrows `query` to the filter's flag and tenant, where given. */
function whereFlagAndTenant<Q extends Knex.QueryBuilder>(
  query: Q,
  filter: { flagKey?: string; tenantId?: string },
): Q {
  if (filter.flagKey) query.where('flag_key', filter.flagKey);
  if (filter.tenantId) query.where('tenant_id', filter.tenantId);
  return query;
}

function toFlag(r: Row): Flag {
  return {
    key: r.key,
    name: r.name,
    description: r.description,
    type: r.type,
    variants: JSON.parse(r.variants_json),
    defaultVariant: r.default_variant,
    rolloutPercentage: Number(r.rollout_percentage),
    rolloutVariant: r.rollout_variant ?? null,
    bucketBy: r.bucket_by,
    killSwitch: Boolean(r.kill_switch),
    archived: Boolean(r.archived),
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

function fromFlag(f: Flag): Row {
  return {
    key: f.key,
    name: f.name,
    description: f.description,
    type: f.type,
    variants_json: JSON.stringify(f.variants),
    default_variant: f.defaultVariant,
    rollout_percentage: f.rolloutPercentage,
    rollout_variant: f.rolloutVariant ?? null,
    bucket_by: f.bucketBy,
    kill_switch: f.killSwitch,
    archived: f.archived,
    created_at: Date.parse(f.createdAt),
    updated_at: Date.parse(f.updatedAt),
  };
}

function toOverride(r: Row): FlagOverride {
  return {
    flagKey: r.flag_key,
    tenantId: r.tenant_id,
    variant: r.variant,
    reason: r.reason,
    actor: r.actor,
    updatedAt: iso(r.updated_at),
  };
}

function toChange(r: Row): FlagChange {
  return {
    id: r.id,
    flagKey: r.flag_key,
    ...(r.tenant_id !== null && { tenantId: r.tenant_id }),
    action: r.action,
    actor: r.actor,
    reason: r.reason,
    before: json(r.before_json) ?? null,
    after: json(r.after_json) ?? null,
    time: iso(r.ts),
  };
}

function toEvaluation(r: Row): FlagLastEvaluation {
  return {
    flagKey: r.flag_key,
    tenantId: r.tenant_id,
    ...(r.value_json !== null && { value: JSON.parse(r.value_json) }),
    ...(r.variant !== null && { variant: r.variant }),
    reason: r.reason,
    ...(r.error_code !== null && { errorCode: r.error_code }),
    time: iso(r.evaluated_at),
  };
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return (
    e?.code === '23505' ||
    e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    e?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    /UNIQUE constraint failed/.test(e?.message ?? '')
  );
}

/** Knex implementation of {@link FlagsStore}, for SQLite and Postgres. */
export class DatabaseFlagsStore implements FlagsStore {
  private constructor(private readonly db: Knex) {}

  static create(db: Knex): DatabaseFlagsStore {
    return new DatabaseFlagsStore(db);
  }

  /** Row lock for read-modify-write on Postgres; SQLite serialises writers anyway. */
  private locked(query: Knex.QueryBuilder) {
    const client = String(this.db.client.config.client);
    return client === 'pg' || client === 'postgres' || client === 'postgresql'
      ? query.forUpdate()
      : query;
  }

  /** The rows of `table` for the filter's flag and tenant, by flag key and tenant id. */
  private async listByFlagAndTenant(
    table: string,
    filter: { flagKey?: string; tenantId?: string },
  ): Promise<Row[]> {
    const query = this.db(table).orderBy(['flag_key', 'tenant_id']);
    return whereFlagAndTenant(query, filter).select();
  }

  private async appendChange(tx: Knex, change: NewFlagChange) {
    await tx('ops_flag_changes').insert({
      id: randomUUID(),
      flag_key: change.flagKey,
      tenant_id: change.tenantId ?? null,
      action: change.action,
      actor: change.actor,
      reason: change.reason,
      before_json:
        change.before === undefined || change.before === null
          ? null
          : JSON.stringify(change.before),
      after_json:
        change.after === undefined || change.after === null
          ? null
          : JSON.stringify(change.after),
      ts: change.time ? Date.parse(change.time) : Date.now(),
    });
  }

  async countFlags() {
    const [{ count }] = await this.db('ops_flags').count({ count: '*' });
    return Number(count);
  }

  async listFlags(options?: { includeArchived?: boolean }) {
    const query = this.db('ops_flags').orderBy('key');
    if (!options?.includeArchived) query.where('archived', false);
    const rows: Row[] = await query.select();
    return rows.map(toFlag);
  }

  async getFlag(key: string) {
    const row = await this.db('ops_flags').where('key', key).first();
    return row ? toFlag(row) : undefined;
  }

  async createFlag(flag: Flag, change: NewFlagChange) {
    try {
      await this.db.transaction(async tx => {
        const existing = await tx('ops_flags').where('key', flag.key).first();
        if (existing) throw new ConflictError(`Flag '${flag.key}' exists`);
        await tx('ops_flags').insert(fromFlag(flag));
        await this.appendChange(tx, change);
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictError(`Flag '${flag.key}' exists`);
      }
      throw error;
    }
    return flag;
  }

  async updateFlag(
    key: string,
    update: (current: Flag) => { flag: Flag; change: NewFlagChange },
  ): Promise<BeforeAfter<Flag>> {
    return this.db.transaction(async tx => {
      const row = await this.locked(tx('ops_flags').where('key', key)).first();
      if (!row) throw new NotFoundError(`No flag '${key}'`);
      const before = toFlag(row);
      const { flag, change } = update(before);
      const { key: _key, created_at: _created, ...fields } = fromFlag(flag);
      await tx('ops_flags').where('key', key).update(fields);
      await this.appendChange(tx, change);
      return { before, after: flag };
    });
  }

  async countOverrides() {
    const rows: Row[] = await this.db('ops_flag_overrides')
      .select('flag_key')
      .count({ count: '*' })
      .groupBy('flag_key');
    return new Map(rows.map(r => [r.flag_key as string, Number(r.count)]));
  }

  async listOverrides(filter: { flagKey?: string; tenantId?: string }) {
    const rows = await this.listByFlagAndTenant('ops_flag_overrides', filter);
    return rows.map(toOverride);
  }

  async setOverride(
    flagKey: string,
    tenantId: string,
    prepare: (
      flag: Flag,
      previous: FlagOverride | undefined,
    ) => { override: FlagOverride; change: NewFlagChange },
  ): Promise<BeforeAfter<FlagOverride | undefined>> {
    return this.db.transaction(async tx => {
      // locking the flag row serialises override writers of the flag
      const flagRow = await this.locked(
        tx('ops_flags').where('key', flagKey),
      ).first();
      if (!flagRow) throw new NotFoundError(`No flag '${flagKey}'`);
      const previousRow = await tx('ops_flag_overrides')
        .where({ flag_key: flagKey, tenant_id: tenantId })
        .first();
      const before = previousRow ? toOverride(previousRow) : undefined;
      const { override, change } = prepare(toFlag(flagRow), before);
      await tx('ops_flag_overrides')
        .insert({
          flag_key: flagKey,
          tenant_id: tenantId,
          variant: override.variant,
          reason: override.reason,
          actor: override.actor,
          updated_at: Date.parse(override.updatedAt),
        })
        .onConflict(['flag_key', 'tenant_id'])
        .merge();
      await this.appendChange(tx, change);
      return { before, after: override };
    });
  }

  async removeOverride(
    flagKey: string,
    tenantId: string,
    change: (previous: FlagOverride) => NewFlagChange,
  ) {
    return this.db.transaction(async tx => {
      const row = await this.locked(
        tx('ops_flag_overrides').where({
          flag_key: flagKey,
          tenant_id: tenantId,
        }),
      ).first();
      if (!row) {
        throw new NotFoundError(
          `Flag '${flagKey}' has no override for tenant '${tenantId}'`,
        );
      }
      const previous = toOverride(row);
      await tx('ops_flag_overrides')
        .where({ flag_key: flagKey, tenant_id: tenantId })
        .delete();
      await this.appendChange(tx, change(previous));
      return previous;
    });
  }

  async listChanges(filter: {
    flagKey?: string;
    tenantId?: string;
    limit: number;
  }) {
    const query = this.db('ops_flag_changes')
      .orderBy('seq', 'desc')
      .limit(filter.limit);
    const rows: Row[] = await whereFlagAndTenant(query, filter).select();
    return rows.map(toChange);
  }

  async upsertLastEvaluations(records: FlagLastEvaluation[]) {
    // one row per flag and tenant: Postgres refuses to upsert the same row twice in a statement
    const newest = new Map<string, FlagLastEvaluation>();
    for (const r of records) {
      const id = `${r.flagKey}\u0000${r.tenantId}`;
      const seen = newest.get(id);
      if (!seen || Date.parse(seen.time) <= Date.parse(r.time))
        newest.set(id, r);
    }
    const unique = [...newest.values()];
    for (let i = 0; i < unique.length; i += CHUNK) {
      const rows = unique.slice(i, i + CHUNK).map(r => ({
        flag_key: r.flagKey,
        tenant_id: r.tenantId,
        value_json: r.value === undefined ? null : JSON.stringify(r.value),
        variant: r.variant ?? null,
        reason: r.reason,
        error_code: r.errorCode ?? null,
        evaluated_at: Date.parse(r.time),
      }));
      await this.db('ops_flag_evaluations')
        .insert(rows)
        .onConflict(['flag_key', 'tenant_id'])
        .merge()
        .where(
          'ops_flag_evaluations.evaluated_at',
          '<=',
          this.db.raw('excluded.evaluated_at'),
        );
    }
  }

  async listLastEvaluations(filter: { flagKey?: string; tenantId?: string }) {
    const rows = await this.listByFlagAndTenant('ops_flag_evaluations', filter);
    return rows.map(toEvaluation);
  }
}
