/**
 * `yarn bench:health`: benchmarks of the ops backend's health capability, printed as figures.
 * Part A: latency of GET /api/ops/health/fleet at a fixed request rate with 2,000 targets.
 * Part B: CPU of the prober probing 1,000 local targets every 30 s.
 * See bench/README.md. Every wait is bounded; children are killed on exit.
 */
import path from 'node:path';
import { Child, killChildren, startChild } from './childProcesses';
import { runFleetLoad } from './fleetLoad';
import { parseOptions } from './options';
import { startWindow } from './processMeter';
import { summariseProfile } from './profileSummary';
import {
  FleetReport,
  FleetRun,
  fleetDetails,
  ProberReport,
  proberDetails,
  summary,
} from './report';
import { runBench } from './runBench';

const MINUTE = 60_000;
const here = (file: string) => path.join(__dirname, file);
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

async function startTargets(keepAlive: boolean) {
  const child = startChild('targets server', here('targetsServer.ts'), {
    keepAlive,
  });
  const { port } = await child.waitFor<{ type: string; port: number }>(
    'listening',
    MINUTE,
  );
  log(`targets server (child pid ${child.process.pid}) on 127.0.0.1:${port}`);
  return { child, baseUrl: `http://127.0.0.1:${port}` };
}

async function partFleet(
  o: ReturnType<typeof parseOptions>,
  targetsBaseUrl: string,
) {
  const child: Child = startChild('fleet backend', here('fleetBackend.ts'), {
    options: o,
    targetsBaseUrl,
  });
  log(
    `part A: fleet backend (child pid ${child.process.pid}) starting with ${o.fleetTargets} targets`,
  );
  const ready = await child.waitFor('ready', 15 * MINUTE);
  log(
    `part A: ready, ${ready.bodyBytes} bytes per fleet summary; warm-up ${o.warmupS} s`,
  );
  const load = {
    url: ready.fleetUrl,
    rate: o.rate,
    connections: o.connections,
  };
  if (o.warmupS > 0) await runFleetLoad({ ...load, durationS: o.warmupS });
  const runs: FleetRun[] = [];
  let profile: string | undefined;
  for (let i = 0; i < o.repeat; i++) {
    log(
      `part A: measuring ${o.durationS} s at ${o.rate} req/s${
        o.repeat > 1 ? ` (run ${i + 1}/${o.repeat})` : ''
      }`,
    );
    child.send({ type: 'load-start' });
    const generator = startWindow();
    const figures = await runFleetLoad({ ...load, durationS: o.durationS });
    const generatorFigures = generator.stop();
    child.send({ type: 'load-end', last: i === o.repeat - 1 });
    const stats = await child.waitFor('load-stats', MINUTE);
    profile ??= stats.profile;
    runs.push({
      load: figures,
      backend: stats.figures,
      generator: generatorFigures,
      stalls: stats.stalls,
      roundsDuringLoad: stats.roundsDuringLoad,
    });
    log(
      `part A: p50 ${figures.latencyMs.p50} ms, p99 ${figures.latencyMs.p99} ms, max ${figures.latencyMs.max} ms`,
    );
  }
  child.send({ type: 'stop' });
  await child.waitFor('stopped', MINUTE);
  await child.stop(10_000);
  const report: FleetReport = {
    runs,
    bodyBytes: ready.bodyBytes,
    statuses: ready.statuses,
    phases: ready.phases,
    setupRounds: ready.rounds,
  };
  return { report, database: ready.database as string, profile };
}

async function partProber(
  o: ReturnType<typeof parseOptions>,
  targetsBaseUrl: string,
) {
  const child = startChild('prober backend', here('proberCpu.ts'), {
    options: o,
    targetsBaseUrl,
  });
  log(
    `part B: prober backend (child pid ${child.process.pid}), ${o.proberTargets} targets every ${o.intervalS} s`,
  );
  const result = await child.waitFor(
    'result',
    ((o.measuredRounds + 1) * o.intervalS + 15 * 60) * 1000,
  );
  await child.stop(10_000);
  const report: ProberReport = {
    rounds: result.rounds,
    window: result.window,
    rssMb: result.rssMb,
  };
  return {
    report,
    database: result.database as string,
    profile: result.profile as string | undefined,
  };
}

async function main() {
  const o = parseOptions(process.argv.slice(2));
  const watchdog = setTimeout(() => {
    log('giving up after 60 minutes');
    killChildren();
    process.exit(2);
  }, 60 * MINUTE);
  watchdog.unref();

  const targets = await startTargets(o.targetsKeepAlive);
  let fleet: FleetReport | undefined;
  let prober: ProberReport | undefined;
  let database = o.db === 'pg' ? 'Postgres' : 'SQLite';
  const profiles: string[] = [];
  try {
    if (o.parts.fleet) {
      const a = await partFleet(o, targets.baseUrl);
      fleet = a.report;
      database = a.database;
      if (a.profile) profiles.push(a.profile);
    }
    if (o.parts.prober) {
      const b = await partProber(o, targets.baseUrl);
      prober = b.report;
      database = b.database;
      if (b.profile) profiles.push(b.profile);
    }
  } finally {
    targets.child.send({ type: 'stop' });
    await targets.child.stop(5_000);
  }

  const lines = [
    '',
    ...(fleet ? fleetDetails(fleet) : []),
    ...(prober ? proberDetails(prober, o) : []),
    '',
    ...summary(o, database.replace(/ \(.*\)$/, ''), fleet, prober),
    '',
  ];
  for (const file of profiles) {
    lines.push(...summariseProfile(file, 20), '');
  }
  if (profiles.length)
    lines.push(
      '(profiled run: the profiler costs CPU, do not quote these figures)',
      '',
    );
  process.stdout.write(lines.join('\n') + '\n');
}

runBench(main);
