import { LoggerService } from '@backstage/backend-plugin-api';
import { FlagLastEvaluation } from '@opsconsole/backstage-plugin-ops-common';
import { FlagsStore } from './FlagsStore';

const idOf = (e: { flagKey: string; tenantId: string }) =>
  `${e.flagKey}\u0000${e.tenantId}`;

/**
 * Remembers the last evaluation served per flag and tenant. `record` only sets a map entry
 * (the OFREP answer never waits on the database); `flush`, run every second by the
 * scheduler and on shutdown, writes the coalesced records in batches. Reads overlay the
 * records not yet written, so this replica shows them at once.
 */
export class LastEvaluationRecorder {
  private pending = new Map<string, FlagLastEvaluation>();
  private flushing = new Map<string, FlagLastEvaluation>();

  constructor(
    private readonly store: FlagsStore,
    private readonly logger: LoggerService,
    private readonly maxPending = 100_000,
  ) {}

  record(evaluation: FlagLastEvaluation): void {
    const id = idOf(evaluation);
    if (this.pending.size >= this.maxPending && !this.pending.has(id)) {
      return; // the database is far behind; drop rather than grow without bound
    }
    this.pending.set(id, evaluation);
  }

  /** Writes the pending records; on failure they stay pending (unless newer ones came). */
  async flush(): Promise<number> {
    if (this.pending.size === 0 || this.flushing.size > 0) return 0;
    this.flushing = this.pending;
    this.pending = new Map();
    const batch = [...this.flushing.values()];
    try {
      await this.store.upsertLastEvaluations(batch);
      return batch.length;
    } catch (error) {
      for (const [id, e] of this.flushing) {
        if (!this.pending.has(id)) this.pending.set(id, e);
      }
      this.logger.warn(
        `Could not store ${batch.length} last flag evaluations, will retry: ${error}`,
      );
      throw error;
    } finally {
      this.flushing = new Map();
    }
  }

  /** Stored last evaluations with the ones not yet written laid over them. */
  async list(filter: {
    flagKey?: string;
    tenantId?: string;
  }): Promise<FlagLastEvaluation[]> {
    const byId = new Map(
      (await this.store.listLastEvaluations(filter)).map(e => [idOf(e), e]),
    );
    for (const source of [this.flushing, this.pending]) {
      for (const [id, e] of source) {
        if (filter.flagKey && e.flagKey !== filter.flagKey) continue;
        if (filter.tenantId && e.tenantId !== filter.tenantId) continue;
        const stored = byId.get(id);
        if (!stored || stored.time <= e.time) byId.set(id, e);
      }
    }
    return [...byId.values()];
  }
}
