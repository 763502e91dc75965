import { DatabaseHealthStore } from '../../plugins/ops-backend/src/health/DatabaseHealthStore';
import { HealthService } from '../../plugins/ops-backend/src/health/HealthService';
import { cpuSeconds } from './processMeter';

/** Wall time and process CPU of one phase of a probe round. */
export interface Phase {
  ms: number;
  cpuS: number;
}

export type RoundPhases = Record<string, Phase>;

/**
 * Bench-only instrumentation of a probe round, by wrapping prototype methods of the plugin's
 * DatabaseHealthStore and HealthService in this process (the plugin's files are unchanged):
 *   discover      round start (catalog listing) until listTargets has returned
 *   probe         listTargets returned until recordProbes starts (the HTTP probes)
 *   recordProbes  samples, hourly + daily rollups, one UPDATE per target, in one transaction
 *   refreshStats  readRollups (24 h hourly + 30 d daily) + computeTargetStats + saveStats
 *   readRollups / saveStats  parts of refreshStats (the two parallel readRollups as one span)
 * CPU is the whole process's over each span; a few calls per round, so the cost is nil.
 */
export function instrumentRounds() {
  let current: RoundPhases = {};
  let roundStart: { wall: number; cpu: number } | undefined;
  let listedAt: { wall: number; cpu: number } | undefined;
  const now = () => ({ wall: performance.now(), cpu: cpuSeconds() });
  const add = (
    name: string,
    from: { wall: number; cpu: number },
    to: { wall: number; cpu: number },
  ) => {
    const p = (current[name] ??= { ms: 0, cpuS: 0 });
    p.ms += to.wall - from.wall;
    p.cpuS += to.cpu - from.cpu;
  };

  // spans of concurrent calls of one method (readRollups runs twice in parallel) are merged
  const inFlight = new Map<
    string,
    { count: number; start: { wall: number; cpu: number } }
  >();
  const wrap = (
    proto: any,
    method: string,
    before?: (at: { wall: number; cpu: number }) => void,
  ) => {
    const original = proto[method];
    proto[method] = async function wrapped(this: unknown, ...args: unknown[]) {
      const start = now();
      before?.(start);
      const flight = inFlight.get(method) ?? { count: 0, start };
      if (flight.count++ === 0) flight.start = start;
      inFlight.set(method, flight);
      try {
        return await original.apply(this, args);
      } finally {
        const end = now();
        if (--flight.count === 0) add(method, flight.start, end);
        if (method === 'listTargets' && roundStart && !listedAt) {
          listedAt = end;
          add('discover', roundStart, end);
        }
      }
    };
  };
  wrap(DatabaseHealthStore.prototype, 'listTargets');
  wrap(DatabaseHealthStore.prototype, 'recordProbes', start => {
    if (listedAt) add('probe', listedAt, start);
  });
  wrap(DatabaseHealthStore.prototype, 'readRollups');
  wrap(DatabaseHealthStore.prototype, 'saveStats');
  wrap(HealthService.prototype, 'refreshStats');

  return {
    /** call when a round starts; returns the phases of the round before */
    roundStarted(): RoundPhases {
      const previous = current;
      current = {};
      roundStart = now();
      listedAt = undefined;
      return previous;
    },
    /** the phases of the running (or just finished) round */
    current: () => current,
  };
}
