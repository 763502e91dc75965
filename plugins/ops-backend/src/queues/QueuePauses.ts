import { LoggerService } from '@backstage/backend-plugin-api';
import {
  ConflictError,
  InputError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import {
  PauseTenantQueuesRequest,
  TenantQueuePause,
  tenantEntityRef,
} from '@opsconsole/backstage-plugin-ops-common';
import { AuditService } from '../audit/AuditService';
import { SourceTracker } from '../sources/SourceTracker';
import { QueueSources } from './QueueSources';
import { QueueStore, StoredPause } from './QueueStore';
import { toTenantQueuePause } from './toApi';

/** The actor of resumes done by the auto-resume task, in the audit trail. */
export const AUTO_RESUME_ACTOR = 'plugin:ops/queue-auto-resume';

/**
 * A pause still being carried out in the sources after this long is taken as abandoned (its
 * replica stopped): a resume no longer waits for it. Default of `pausingStaleMs`.
 */
export const PAUSING_STALE_MS = 2 * 60_000;

/** A pause or resume: the tenant's state before and after (for the audit trail). */
export interface PauseChange {
  before: TenantQueuePause;
  after: TenantQueuePause;
}

/** Whether `current` is still the pause `expected` (not resumed, nor replaced by a newer one). */
function isSamePause(
  current: StoredPause | undefined,
  expected: StoredPause,
): boolean {
  return (
    current?.paused === true &&
    current.pausedAt === expected.pausedAt &&
    current.autoResumeAt === expected.autoResumeAt
  );
}

/** 409 for a pause of a tenant whose queues are paused (or being paused) by someone else. */
function alreadyPaused(
  tenantId: string,
  current: StoredPause | undefined,
): ConflictError {
  if (!current?.paused) {
    return new ConflictError(
      `The queues of tenant ${tenantId} were being paused by someone else at the same time; check its state and try again`,
    );
  }
  return new ConflictError(
    `The queues of tenant ${tenantId} are already paused (by ${
      current.pausedBy ?? 'unknown'
    } at ${new Date(current.pausedAt ?? current.updatedAt).toISOString()})`,
  );
}

/** 409 for a resume while a pause of the tenant is still being carried out. */
function pauseUnderWay(tenantId: string, pause: StoredPause): ConflictError {
  return new ConflictError(
    `A pause of tenant ${tenantId} is being applied (by ${
      pause.pausedBy ?? 'unknown'
    } since ${new Date(
      pause.pausingSince!,
    ).toISOString()}); try the resume again in a moment`,
  );
}

function requireReason(reason: string): string {
  const trimmed = reason.trim();
  if (!trimmed) throw new InputError('A reason is required');
  return trimmed;
}

/**
 * The emergency pause of ONE tenant's work: every source that holds the tenant's queues
 * stops taking its jobs (waiting jobs are kept) until it is resumed, by a person or, at
 * `autoResumeAt`, by {@link QueuePauses.resumeDue}. The state (who, why, when, auto-resume)
 * is kept in the plugin database.
 */
export class QueuePauses {
  constructor(
    private readonly deps: {
      sources: QueueSources;
      store: QueueStore;
      audit: AuditService;
      maxAutoResumeMs: number;
      logger: LoggerService;
      /** See {@link PAUSING_STALE_MS}. */
      pausingStaleMs?: number;
    },
  ) {}

  private get pausingStaleMs(): number {
    return this.deps.pausingStaleMs ?? PAUSING_STALE_MS;
  }

  /** Whether `pause` is being carried out in the sources (by a replica that is still at it). */
  private isPausing(pause: StoredPause | undefined, now: number): boolean {
    return (
      pause?.paused === true &&
      pause.pausingSince !== undefined &&
      now - pause.pausingSince < this.pausingStaleMs
    );
  }

  async get(tenantId: string): Promise<TenantQueuePause> {
    return toTenantQueuePause(
      tenantId,
      await this.deps.store.getPause(tenantId),
    );
  }

  async pause(
    tenantId: string,
    request: PauseTenantQueuesRequest,
    actor: string,
    now = Date.now(),
  ): Promise<PauseChange> {
    const { store, maxAutoResumeMs } = this.deps;
    const reason = requireReason(request.reason);
    const autoResumeAt = this.autoResumeAt(
      request.autoResumeAt,
      now,
      maxAutoResumeMs,
    );
    const stored = await store.getPause(tenantId);
    if (stored?.paused) throw alreadyPaused(tenantId, stored);
    const before = toTenantQueuePause(tenantId, stored);
    const pause: StoredPause = {
      tenantId,
      paused: true,
      reason,
      pausedBy: actor,
      pausedAt: now,
      autoResumeAt,
      updatedAt: now,
      pausingSince: now,
    };
    // claimed in the database before the sources are touched: of concurrent pauses of one
    // tenant (on any replica) exactly one gets here, the others answer 409; resumes wait
    // until the sources are paused (see resume)
    if (!(await store.claimPause(pause))) {
      throw alreadyPaused(tenantId, await store.getPause(tenantId));
    }
    try {
      await this.pauseSources(tenantId);
    } catch (error) {
      // the console records no pause it could not carry out everywhere (retrying is safe)
      await store
        .releasePause(pause, stored)
        .catch(releaseError =>
          this.deps.logger.error(
            `Could not take back the pause of tenant ${tenantId} after it failed: ${releaseError}`,
          ),
        );
      throw error;
    }
    await this.finishPause(pause);
    return { before, after: toTenantQueuePause(tenantId, pause) };
  }

  /**
   * Marks the claimed `pause` carried out. If it is no longer the tenant's pause, someone
   * took it for abandoned (it took longer than the stale bound) and resumed the tenant,
   * maybe pausing it anew: that stands (ConflictError), and the sources this pause paused
   * late are resumed again unless a newer pause holds the tenant.
   */
  private async finishPause(pause: StoredPause): Promise<void> {
    const { store, sources } = this.deps;
    const { tenantId } = pause;
    if (await store.finishPause(pause)) return;
    const current = await store.getPause(tenantId);
    if (current?.paused) {
      throw new ConflictError(
        `Tenant ${tenantId} was paused anew by ${
          current.pausedBy ?? 'unknown'
        } while this pause was being applied; that pause stands`,
      );
    }
    const tracker = new SourceTracker();
    await sources.setTenantPaused(tenantId, false, tracker);
    throw new ConflictError(
      `Tenant ${tenantId} was resumed while this pause was being applied (it took over ${Math.round(
        this.pausingStaleMs / 1000,
      )} s); it stays resumed${
        tracker.hasFailures
          ? ` but could not be resumed again in ${tracker.describeFailures()}`
          : ''
      }`,
    );
  }

  private async pauseSources(tenantId: string): Promise<void> {
    const tracker = new SourceTracker();
    const held = await this.deps.sources.setTenantPaused(
      tenantId,
      true,
      tracker,
    );
    if (tracker.hasFailures) {
      throw new ServiceUnavailableError(
        `Could not pause tenant ${tenantId} in every queue source (${tracker.describeFailures()}); ${
          held.length ? `paused in ${held.join(', ')}; ` : ''
        }retrying is safe`,
      );
    }
    if (held.length === 0) {
      throw new NotFoundError(
        `No queue source holds work of tenant ${tenantId}`,
      );
    }
  }

  /**
   * Lets the tenant's work flow again in every source. Idempotent: a tenant that is not
   * paused is resumed in the sources anyway (they may have been paused outside the console).
   * ConflictError while a pause is being applied (it would undo the resume), and when the
   * tenant is paused anew during the resume (that pause stands).
   */
  async resume(
    tenantId: string,
    reason: string,
    now = Date.now(),
  ): Promise<PauseChange> {
    requireReason(reason);
    const stored = await this.deps.store.getPause(tenantId);
    if (this.isPausing(stored, now)) throw pauseUnderWay(tenantId, stored!);
    const before = toTenantQueuePause(tenantId, stored);
    await this.resumeSources(tenantId);
    await this.settleResume(tenantId, stored, now, 'resume');
    return { before, after: toTenantQueuePause(tenantId, undefined) };
  }

  /**
   * Resumes every pause whose auto-resume time has come (the scheduled task), audited as
   * {@link AUTO_RESUME_ACTOR}. A tenant whose sources fail stays paused and is retried on
   * the next run. Answers how many were resumed.
   */
  async resumeDue(now = Date.now()): Promise<number> {
    const { store, audit, logger } = this.deps;
    let resumed = 0;
    for (const due of await store.duePauses(now)) {
      const scheduled = new Date(due.autoResumeAt!).toISOString();
      // the list may be stale by now: a person may have resumed and paused the tenant anew
      const current = await store.getPause(due.tenantId);
      if (!isSamePause(current, due)) {
        logger.info(
          `Auto-resume of tenant ${due.tenantId} skipped: its pause changed since it was due`,
        );
        continue;
      }
      if (this.isPausing(current, now)) {
        logger.info(
          `Auto-resume of tenant ${due.tenantId} postponed: its pause is still being applied`,
        );
        continue;
      }
      try {
        await audit.audited({
          action: 'tenant-queue-resume',
          credentials: { system: AUTO_RESUME_ACTOR },
          targetRef: tenantEntityRef(due.tenantId),
          severityLevel: 'high',
          details: {
            tenantId: due.tenantId,
            reason: `Automatic resume scheduled for ${scheduled}`,
            automatic: true,
          },
          run: () => this.resumeIfCurrent(due, now),
          describeResult: r => ({ before: r.before, after: r.after }),
        });
        resumed += 1;
      } catch (error) {
        logger.warn(`Auto-resume of tenant ${due.tenantId} failed: ${error}`);
      }
    }
    return resumed;
  }

  /** Resumes the due pause `due` (see {@link QueuePauses.settleResume}). */
  private async resumeIfCurrent(
    due: StoredPause,
    now: number,
  ): Promise<PauseChange> {
    const { tenantId } = due;
    await this.resumeSources(tenantId);
    await this.settleResume(tenantId, due, now, 'auto-resume');
    return {
      before: toTenantQueuePause(tenantId, due),
      after: toTenantQueuePause(tenantId, undefined),
    };
  }

  /**
   * After the sources were resumed: marks `resumed` (the state read before) resumed, only if
   * it is still the tenant's pause. A pause made meanwhile stands: its sources are paused
   * again (the resume may have reached them after it) and the resume is a ConflictError. A
   * resume by someone else meanwhile leaves nothing more to do.
   */
  private async settleResume(
    tenantId: string,
    resumed: StoredPause | undefined,
    now: number,
    what: 'resume' | 'auto-resume',
  ): Promise<void> {
    const { store, sources } = this.deps;
    if (resumed?.paused && (await store.resumePauseIfCurrent(resumed, now))) {
      return;
    }
    if (!(await store.getPause(tenantId))?.paused) return;
    const tracker = new SourceTracker();
    await sources.setTenantPaused(tenantId, true, tracker);
    throw new ConflictError(
      `Tenant ${tenantId} was paused anew during its ${what}; the new pause stands${
        tracker.hasFailures
          ? ` (could not pause it again in ${tracker.describeFailures()})`
          : ''
      }`,
    );
  }

  private async resumeSources(tenantId: string): Promise<void> {
    const tracker = new SourceTracker();
    await this.deps.sources.setTenantPaused(tenantId, false, tracker);
    if (tracker.hasFailures) {
      throw new ServiceUnavailableError(
        `Could not resume tenant ${tenantId} in every queue source (${tracker.describeFailures()}); it stays paused, retrying is safe`,
      );
    }
  }

  private autoResumeAt(
    value: string | undefined,
    now: number,
    maxMs: number,
  ): number | undefined {
    if (value === undefined) return undefined;
    const at = Date.parse(value);
    if (Number.isNaN(at)) {
      throw new InputError(`autoResumeAt is not a date: ${value}`);
    }
    if (at <= now) {
      throw new InputError('autoResumeAt must be in the future');
    }
    if (at > now + maxMs) {
      throw new InputError(
        `autoResumeAt must be within ${Math.round(maxMs / 3_600_000)} hours`,
      );
    }
    return at;
  }
}
