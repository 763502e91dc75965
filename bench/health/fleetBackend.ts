/**
 * Child process for part A: the ops backend with `fleetTargets` targets in its store, ready
 * for the load generator (which runs in the parent, so it does not share this event loop).
 *
 * Messages: -> ready {port, fleetUrl, ...}; <- load-start; <- load-end -> load-stats;
 * <- stop -> stopped, then exit.
 */
import { benchEntities, entityRefOf, startBenchBackend } from './benchBackend';
import { createBenchDatabase } from './benchDatabase';
import {
  childPayload,
  exitWithParent,
  failToParent,
  toParent,
} from './childProcesses';
import { measureFleetPhases } from './fleetPhases';
import { BenchOptions } from './options';
import { startWindow } from './processMeter';
import { seedHistory } from './seedHistory';
import { startStallMonitor } from './stallMonitor';
import { startWindowProfiler } from './windowProfiler';
import { HealthService } from '../../plugins/ops-backend/src/health/HealthService';

const { options: o, targetsBaseUrl } = childPayload<{
  options: BenchOptions;
  targetsBaseUrl: string;
}>();
const log = (line: string) => process.stderr.write(`[fleet] ${line}\n`);

async function main() {
  exitWithParent();
  const db = await createBenchDatabase(o.db, o.pgUrl);
  dropDatabase = () => db.drop();
  log(`database: ${db.label}`);
  const entities = benchEntities(o.fleetTargets, targetsBaseUrl);
  let seed: Awaited<ReturnType<typeof seedHistory>> | undefined;
  if (o.seed) {
    seed = await seedHistory(db.knex, entities.map(entityRefOf), Date.now());
    log(
      `seeded ${seed.probesPerTarget} probes per target over 30 days (${seed.rollups} rollup rows) in ${seed.ms} ms`,
    );
  }

  const rounds: Array<{ probed: number; ms: number; failing: number }> = [];
  let roundStartedAt = 0;
  // set while a load runs (below); records probe rounds, recomputes, stalls and GC
  let stalls: ReturnType<typeof startStallMonitor> | undefined;
  const backend = await startBenchBackend({
    knex: db.knex,
    entities,
    scheduler: 'manual',
    intervalS: o.intervalS,
    fleetCacheMs: o.fleetCacheMs,
    verbose: o.verbose,
    onRoundStart: () => {
      roundStartedAt = performance.now();
    },
    onRoundLogged: r => {
      rounds.push(r);
      stalls?.round({
        at: roundStartedAt,
        ms: performance.now() - roundStartedAt,
      });
    },
  });
  for (let i = 0; i < o.fleetRounds; i++) {
    await backend.triggerRound();
    const last = rounds[rounds.length - 1];
    log(
      `probe round ${i + 1}/${o.fleetRounds}: ${last?.probed} targets in ${
        last?.ms
      } ms (${last?.failing} failing)`,
    );
  }

  const fleetUrl = `http://127.0.0.1:${backend.port}/api/ops/health/fleet`;
  const response = await fetch(fleetUrl);
  const body = await response.text();
  if (response.status !== 200)
    throw new Error(
      `GET ${fleetUrl}: HTTP ${response.status} ${body.slice(0, 300)}`,
    );
  const summary = JSON.parse(body);
  const statuses: Record<string, number> = {};
  for (const t of summary.targets)
    statuses[t.status] = (statuses[t.status] ?? 0) + 1;
  const withStats = summary.targets.filter(
    (t: any) => t.windows?.['24h']?.samples > 0,
  ).length;
  if (
    summary.targets.length !== o.fleetTargets ||
    statuses.unknown ||
    withStats !== o.fleetTargets
  ) {
    throw new Error(
      `fleet not ready: ${
        summary.targets.length
      } targets, statuses ${JSON.stringify(statuses)}, ${withStats} with stats`,
    );
  }
  const sample = summary.targets.find((t: any) => t.status === 'pass');
  const phases = await measureFleetPhases(db.knex, 10);
  toParent({
    type: 'ready',
    database: db.label,
    fleetUrl,
    bodyBytes: Buffer.byteLength(body),
    statuses,
    rounds,
    seed,
    phases,
    sampleTarget: sample,
  });

  // bench-only: time each fleet-summary recompute of the plugin's HealthService (the route
  // asks for one only when the summary's version has moved on)
  const proto = HealthService.prototype as any;
  const getFleetSummary = proto.getFleetSummary;
  proto.getFleetSummary = async function timed(this: any) {
    const at = performance.now();
    const result = await getFleetSummary.call(this);
    stalls?.recompute({ at, ms: performance.now() - at });
    return result;
  };

  let window: ReturnType<typeof startWindow> | undefined;
  let profiler: Awaited<ReturnType<typeof startWindowProfiler>> | undefined;
  let prober: NodeJS.Timeout | undefined;
  let roundsBeforeLoad = rounds.length;
  process.on('message', async (m: any) => {
    try {
      if (m?.type === 'load-start') {
        if (o.profile && !profiler)
          profiler = await startWindowProfiler('fleet');
        roundsBeforeLoad = rounds.length;
        stalls = startStallMonitor();
        window = startWindow();
        if (o.proberDuringLoad) {
          prober = setInterval(() => {
            backend.triggerRound().catch(e => log(`probe round failed: ${e}`));
          }, o.intervalS * 1000);
          backend.triggerRound().catch(e => log(`probe round failed: ${e}`));
        }
      } else if (m?.type === 'load-end') {
        if (prober) clearInterval(prober);
        const figures = window!.stop();
        const stallFigures = stalls!.stop();
        stalls = undefined;
        const profile = m.last ? await profiler?.stop() : undefined;
        toParent({
          type: 'load-stats',
          figures,
          stalls: stallFigures,
          profile,
          roundsDuringLoad: rounds.slice(roundsBeforeLoad),
        });
      } else if (m?.type === 'stop') {
        await backend.stop();
        await db.drop();
        toParent({ type: 'stopped' });
        setTimeout(() => process.exit(0), 50);
      }
    } catch (e) {
      failToParent(e);
    }
  });
}

/** a fresh Postgres database is dropped even when the run fails */
let dropDatabase: (() => Promise<void>) | undefined;

main().catch(async error => {
  await dropDatabase?.().catch(() => {});
  failToParent(error);
});
