import { candidatesToResolve } from './queueCountsScript';

/** A cached enqueue time (ms) of a job, with its ISO form once made. */
interface CachedJob {
  id: string;
  time: number;
  iso?: string;
}

/** A job whose enqueue time is not cached. */
export interface JobRef {
  queue: string;
  id: string;
}

/**
 * Enqueue times (`timestamp`) of BullMQ jobs, by queue and job id, for the oldest waiting job
 * of each queue. A job's `timestamp` is written once when the job is added and never changes,
 * so a cached one stays right while the job exists. After each read the cache holds only the
 * jobs that read needed (at most the candidates of the queues read), so it never grows past
 * the live queues' candidates.
 *
 * A job that is gone when its time is read (a worker took it between the two reads, or it was
 * removed) gives no time: the queue's oldest waiting time is then taken from its other
 * candidates that were read, or is absent for this read; the next read finds the new
 * candidates. Not guarded against: a custom job id (or, after `Queue.obliterate()`, a counter
 * id) reused by a new job between two consecutive reads, both times as a candidate.
 */
export class JobTimestampCache {
  #byQueue = new Map<string, CachedJob[]>();

  /** Jobs held (for tests and figures). */
  get size() {
    let size = 0;
    for (const jobs of this.#byQueue.values()) size += jobs.length;
    return size;
  }

  /**
   * The enqueue time (ISO) of the oldest waiting job of each queue, undefined when it has
   * none, from the queues' candidates; `readMissing` reads the times (ms) of the jobs not
   * cached, all in one round trip, undefined for a job that is gone. It is not called when
   * all are cached.
   */
  async oldest(
    queues: ReadonlyArray<{ name: string; candidates: string[] }>,
    readMissing: (jobs: JobRef[]) => Promise<Array<number | undefined>>,
  ): Promise<Array<string | undefined>> {
    const previous = this.#byQueue;
    const next = new Map<string, CachedJob[]>();
    const perQueue: CachedJob[][] = [];
    const missing: JobRef[] = [];
    const missingOf: CachedJob[][] = [];
    for (const queue of queues) {
      const ids = candidatesToResolve(queue.candidates);
      const jobs: CachedJob[] = [];
      perQueue.push(jobs);
      if (ids.length === 0) continue;
      const known = previous.get(queue.name);
      for (const id of ids) {
        const hit = known?.find(job => job.id === id);
        if (hit) jobs.push(hit);
        else {
          missing.push({ queue: queue.name, id });
          missingOf.push(jobs);
        }
      }
      next.set(queue.name, jobs);
    }
    if (missing.length > 0) {
      const times = await readMissing(missing);
      missing.forEach(({ id }, i) => {
        const time = times[i];
        if (time !== undefined) missingOf[i].push({ id, time });
      });
    }
    this.#byQueue = next;
    return perQueue.map(jobs => {
      let oldest: CachedJob | undefined;
      for (const job of jobs) {
        if (!oldest || job.time < oldest.time) oldest = job;
      }
      if (!oldest) return undefined;
      oldest.iso ??= new Date(oldest.time).toISOString();
      return oldest.iso;
    });
  }
}
