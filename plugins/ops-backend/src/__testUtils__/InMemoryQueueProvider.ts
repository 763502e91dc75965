import {
  QueueJob,
  QueueProvider,
  QueueSnapshot,
} from '@opsconsole/backstage-plugin-ops-node';
import { QueueJobState } from '@opsconsole/backstage-plugin-ops-common';

/** An empty {@link QueueSnapshot} of a tenant's queue, with `overrides` applied. */
export const queueSnapshot = (
  name: string,
  overrides: Partial<QueueSnapshot> = {},
): QueueSnapshot => ({
  name,
  counts: { waiting: 0, active: 0, delayed: 0, failed: 0, completed: 0 },
  paused: false,
  ...overrides,
});

/**
 * A {@link QueueProvider} over queues and jobs held in memory, for tests. Pausing a tenant
 * marks its queues paused. `failWith` makes every call throw (a source that is down);
 * `calls` records what was asked.
 */
export class InMemoryQueueProvider implements QueueProvider {
  failWith?: Error;
  readonly calls: Array<{ method: string; args: unknown[] }> = [];
  queues: QueueSnapshot[];
  jobs: QueueJob[];

  constructor(
    readonly id: string,
    data: { queues?: QueueSnapshot[]; jobs?: QueueJob[] } = {},
  ) {
    this.queues = data.queues ?? [];
    this.jobs = data.jobs ?? [];
  }

  private async answer<T>(method: string, args: unknown[], value: () => T) {
    this.calls.push({ method, args });
    if (this.failWith) throw this.failWith;
    return value();
  }

  /**
   * Holds the next `method` call (a slow Redis or platform) until `release()`; `reached`
   * resolves once that call has come. Later calls go through.
   */
  hold(method: 'pauseTenant' | 'resumeTenant') {
    const original = this[method].bind(this);
    let arrive!: () => void;
    const reached = new Promise<void>(resolve => {
      arrive = resolve;
    });
    let release!: () => void;
    const released = new Promise<void>(resolve => {
      release = resolve;
    });
    let held = false;
    this[method] = async (tenantId: string) => {
      if (!held) {
        held = true;
        arrive();
        await released;
      }
      return original(tenantId);
    };
    return { reached, release };
  }

  /** Replaces one queue's snapshot (matched by name), or adds it. */
  setQueue(name: string, overrides: Partial<QueueSnapshot>) {
    const existing = this.queues.find(q => q.name === name);
    const next = { ...(existing ?? queueSnapshot(name)), ...overrides };
    this.queues = [...this.queues.filter(q => q.name !== name), next];
  }

  listQueues() {
    return this.answer('listQueues', [], () =>
      this.queues.map(q => structuredClone(q)),
    );
  }

  listTenantJobs(
    tenantId: string,
    options: { limit: number; states?: QueueJobState[] },
  ) {
    return this.answer('listTenantJobs', [tenantId, options], () => {
      const names = new Set(
        this.queues.filter(q => q.tenantId === tenantId).map(q => q.name),
      );
      return this.jobs
        .filter(j => names.has(j.queueName))
        .filter(j => !options.states || options.states.includes(j.state))
        .sort((a, b) => b.enqueuedAt.localeCompare(a.enqueuedAt))
        .slice(0, options.limit);
    });
  }

  pauseTenant(tenantId: string) {
    return this.answer('pauseTenant', [tenantId], () =>
      this.setPaused(tenantId, true),
    );
  }

  resumeTenant(tenantId: string) {
    return this.answer('resumeTenant', [tenantId], () =>
      this.setPaused(tenantId, false),
    );
  }

  private setPaused(tenantId: string, paused: boolean) {
    const own = this.queues.filter(q => q.tenantId === tenantId);
    own.forEach(q => {
      q.paused = paused;
    });
    return own.length > 0;
  }
}
