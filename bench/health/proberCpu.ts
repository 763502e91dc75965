/**
 * Child process for part B: the ops backend with the real (backend-defaults) scheduler probing
 * `proberTargets` targets every `intervalS` seconds, nothing else running in it. Measures this
 * process's CPU (process.cpuUsage: user + system, all threads) from the end of the first,
 * warm-up round to the end of round 1 + measuredRounds, so startup and seeding are excluded.
 *
 * Messages: -> result {...}, then exit.
 */
import { benchEntities, entityRefOf, startBenchBackend } from './benchBackend';
import { createBenchDatabase } from './benchDatabase';
import {
  childPayload,
  exitWithParent,
  failToParent,
  toParent,
} from './childProcesses';
import { BenchOptions } from './options';
import {
  cpuSeconds,
  mainThreadSeconds,
  startWindow,
  WindowFigures,
} from './processMeter';
import { instrumentRounds, RoundPhases } from './roundPhases';
import { seedHistory } from './seedHistory';
import { startWindowProfiler } from './windowProfiler';

const { options: o, targetsBaseUrl } = childPayload<{
  options: BenchOptions;
  targetsBaseUrl: string;
}>();
const log = (line: string) => process.stderr.write(`[prober] ${line}\n`);

interface Round {
  startCpu: number;
  startMain: number;
  endMain?: number;
  startWall: number;
  endCpu?: number;
  endWall?: number;
  loggedMs?: number;
  probed?: number;
  failing?: number;
  phases?: RoundPhases;
}

export interface RoundFigures {
  /** CPU seconds from the round's start (catalog listing) to its log line */
  cpuS: number;
  /** of cpuS, on the main thread */
  mainThreadS: number;
  /** the duration the plugin logs ("Probed N health targets in X ms") */
  ms: number;
  /** CPU seconds from the previous round's end to this one's: the round plus the idle time */
  periodCpuS: number;
  periodWallS: number;
  probed: number;
  failing: number;
  phases: RoundPhases;
}

async function main() {
  exitWithParent();
  const db = await createBenchDatabase(o.db, o.pgUrl);
  dropDatabase = () => db.drop();
  log(`database: ${db.label}`);
  const entities = benchEntities(o.proberTargets, targetsBaseUrl);
  if (o.seed) {
    const seed = await seedHistory(
      db.knex,
      entities.map(entityRefOf),
      Date.now(),
    );
    log(
      `seeded ${seed.probesPerTarget} probes per target over 30 days (${seed.rollups} rollup rows) in ${seed.ms} ms`,
    );
  }

  const rounds: Round[] = [];
  const phases = instrumentRounds();
  const wanted = 1 + o.measuredRounds;
  let window: ReturnType<typeof startWindow> | undefined;
  let figures: WindowFigures | undefined;
  let profiler:
    | Promise<Awaited<ReturnType<typeof startWindowProfiler>>>
    | undefined;
  let finished: () => void = () => {};
  const allDone = new Promise<void>(resolve => {
    finished = resolve;
  });

  const backend = await startBenchBackend({
    knex: db.knex,
    entities,
    scheduler: 'real',
    intervalS: o.intervalS,
    verbose: o.verbose,
    onRoundStart: () => {
      phases.roundStarted();
      rounds.push({
        startCpu: cpuSeconds(),
        startMain: mainThreadSeconds(),
        startWall: performance.now(),
      });
    },
    onRoundLogged: r => {
      const endCpu = cpuSeconds();
      const endMain = mainThreadSeconds();
      const round = rounds[rounds.length - 1];
      if (!round || round.endCpu !== undefined) return;
      Object.assign(round, {
        endCpu,
        endMain,
        endWall: performance.now(),
        loggedMs: r.ms,
        probed: r.probed,
        failing: r.failing,
        phases: { ...phases.current() },
      });
      const done = rounds.filter(x => x.endCpu !== undefined).length;
      log(
        `round ${done}${done === 1 ? ' (warm-up)' : ''}: ${
          r.probed
        } targets in ${r.ms} ms, ${(endCpu - round.startCpu).toFixed(3)} CPU-s`,
      );
      if (done === 1) {
        if (o.profile) profiler = startWindowProfiler('prober');
        window = startWindow();
      }
      if (done === wanted) {
        figures = window!.stop();
        finished();
      }
    },
  });
  log(
    `backend started; probing every ${o.intervalS} s, measuring ${o.measuredRounds} rounds after a warm-up round`,
  );

  const deadlineMs = (wanted * o.intervalS + 180) * 1000;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    allDone,
    new Promise<void>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new Error(
              `only ${
                rounds.filter(r => r.endCpu !== undefined).length
              } of ${wanted} rounds within ${deadlineMs / 1000} s`,
            ),
          ),
        deadlineMs,
      );
    }),
  ]);
  clearTimeout(timer);

  const measured: RoundFigures[] = rounds.slice(1, wanted).map((r, i) => ({
    cpuS: r.endCpu! - r.startCpu,
    mainThreadS: r.endMain! - r.startMain,
    ms: r.loggedMs!,
    periodCpuS: r.endCpu! - rounds[i].endCpu!,
    periodWallS: (r.endWall! - rounds[i].endWall!) / 1000,
    probed: r.probed!,
    failing: r.failing!,
    phases: r.phases!,
  }));
  const profile = await (await profiler)?.stop();
  const rssMb = Math.round(process.memoryUsage().rss / 1e6);
  await backend.stop();
  await db.drop();
  toParent({
    type: 'result',
    rounds: measured,
    window: figures,
    rssMb,
    database: db.label,
    profile,
  });
  setTimeout(() => process.exit(0), 50);
}

/** a fresh Postgres database is dropped even when the run fails */
let dropDatabase: (() => Promise<void>) | undefined;

main().catch(async error => {
  await dropDatabase?.().catch(() => {});
  failToParent(error);
});
