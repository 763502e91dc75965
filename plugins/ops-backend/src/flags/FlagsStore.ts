import {
  Flag,
  FlagChange,
  FlagLastEvaluation,
  FlagOverride,
} from '@opsconsole/backstage-plugin-ops-common';

export type NewFlagChange = Omit<FlagChange, 'id' | 'time'> & {
  time?: string;
};

/** The result of a change: the state before and after, both as stored. */
export interface BeforeAfter<T> {
  before: T;
  after: T;
}

/** Persistence of feature flags, overrides, change history and last evaluations. */
export interface FlagsStore {
  countFlags(): Promise<number>;
  listFlags(options?: { includeArchived?: boolean }): Promise<Flag[]>;
  getFlag(key: string): Promise<Flag | undefined>;
  /** Inserts a flag and its history entry; ConflictError when the key exists. */
  createFlag(flag: Flag, change: NewFlagChange): Promise<Flag>;
  /**
   * Reads the flag, applies `update` and writes the result with its history entry, in one
   * transaction. NotFoundError when the flag does not exist.
   */
  updateFlag(
    key: string,
    update: (current: Flag) => { flag: Flag; change: NewFlagChange },
  ): Promise<BeforeAfter<Flag>>;

  /** Override counts per flag key. */
  countOverrides(): Promise<Map<string, number>>;
  listOverrides(filter: {
    flagKey?: string;
    tenantId?: string;
  }): Promise<FlagOverride[]>;
  /**
   * Sets a tenant's override with its history entry; `prepare` sees the flag and the
   * previous override (and may throw) inside the transaction.
   */
  setOverride(
    flagKey: string,
    tenantId: string,
    prepare: (
      flag: Flag,
      previous: FlagOverride | undefined,
    ) => { override: FlagOverride; change: NewFlagChange },
  ): Promise<BeforeAfter<FlagOverride | undefined>>;
  /** Removes a tenant's override with its history entry; NotFoundError when none. */
  removeOverride(
    flagKey: string,
    tenantId: string,
    change: (previous: FlagOverride) => NewFlagChange,
  ): Promise<FlagOverride>;

  /** Newest (last written) first. */
  listChanges(filter: {
    flagKey?: string;
    tenantId?: string;
    limit: number;
  }): Promise<FlagChange[]>;

  /** Upserts the last evaluation per flag and tenant; older records never replace newer. */
  upsertLastEvaluations(records: FlagLastEvaluation[]): Promise<void>;
  listLastEvaluations(filter: {
    flagKey?: string;
    tenantId?: string;
  }): Promise<FlagLastEvaluation[]>;
}
