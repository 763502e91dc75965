import { LoggerService } from '@backstage/backend-plugin-api';
import { Flag } from '@opsconsole/backstage-plugin-ops-common';
import { FlagsStore } from './FlagsStore';

/** Every live (not archived) flag and its overrides, as the OFREP endpoints serve them. */
export interface FlagSnapshot {
  flags: Map<string, Flag>;
  /** flag key → tenant id → variant */
  overrides: Map<string, Map<string, string>>;
  loadedAt: number;
}

/**
 * Keeps flags and overrides in memory so that OFREP answers never wait on the database.
 * A snapshot older than `ttlMs` is served while a fresh one loads in the background (at
 * most one load at a time), so a change made on another replica is served within about
 * `ttlMs`; changes made through this replica call {@link FlagSnapshotCache.refresh}.
 */
export class FlagSnapshotCache {
  private snapshot?: FlagSnapshot;
  private loading?: Promise<FlagSnapshot>;

  constructor(
    private readonly store: FlagsStore,
    private readonly options: {
      ttlMs: number;
      logger: LoggerService;
      now?: () => number;
    },
  ) {}

  private now() {
    return this.options.now?.() ?? Date.now();
  }

  /** The current snapshot; loads the first one, refreshes stale ones in the background. */
  async get(): Promise<FlagSnapshot> {
    const current = this.snapshot;
    if (!current) return this.load();
    if (this.now() - current.loadedAt > this.options.ttlMs && !this.loading) {
      this.load().catch(error =>
        this.options.logger.warn(
          `Flag snapshot refresh failed, serving the previous one: ${error}`,
        ),
      );
    }
    return current;
  }

  /** Loads a fresh snapshot now (after a change) and waits for it. */
  async refresh(): Promise<FlagSnapshot> {
    if (this.loading) await this.loading.catch(() => undefined);
    return this.load();
  }

  private load(): Promise<FlagSnapshot> {
    if (this.loading) return this.loading;
    const startedAt = this.now();
    this.loading = (async () => {
      const [flags, overrides] = await Promise.all([
        this.store.listFlags({ includeArchived: false }),
        this.store.listOverrides({}),
      ]);
      const byFlag = new Map<string, Map<string, string>>();
      for (const o of overrides) {
        let tenants = byFlag.get(o.flagKey);
        if (!tenants) byFlag.set(o.flagKey, (tenants = new Map()));
        tenants.set(o.tenantId, o.variant);
      }
      const snapshot: FlagSnapshot = {
        flags: new Map(flags.map(f => [f.key, f])),
        overrides: byFlag,
        loadedAt: startedAt,
      };
      this.snapshot = snapshot;
      return snapshot;
    })().finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }
}
