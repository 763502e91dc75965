/**
 * `yarn bench:ofrep`: OFREP evaluations per second and latency of the ops backend on
 * loopback: single evaluations (as fast as possible, and at the target rate) and bulk
 * evaluations. Target: >= 10,000 single evaluations/s with p99 <= 5 ms.
 * See bench/README.md. Every wait is bounded; the backend child is killed on exit.
 */
import os from 'node:os';
import path from 'node:path';
import { killChildren, startChild } from '../health/childProcesses';
import { median, startWindow, WindowFigures } from '../health/processMeter';
import { summariseProfile } from '../health/profileSummary';
import { parseOptions } from './options';
import { LoadFigures, runOfrepLoad } from './ofrepLoad';
import { runBench } from '../health/runBench';

const MINUTE = 60_000;
const TARGET_RATE = 10_000;
const TARGET_P99_MS = 5;
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

interface Run {
  load: LoadFigures;
  backend: WindowFigures;
  generator: WindowFigures;
}

const fmt = (r: Run) => {
  const l = r.load;
  return [
    `  ${l.label}: ${l.requestsPerS} req/s over ${l.durationS} s on ${
      l.connections
    } connections${
      l.rate
        ? ` (asked ${l.rate} req/s, ${l.requests}/${
            l.rate * l.durationS
          } completed)`
        : ''
    }`,
    `    latency p50 ${l.latencyMs.p50} ms, p90 ${l.latencyMs.p90} ms, p99 ${l.latencyMs.p99} ms, max ${l.latencyMs.max} ms; ` +
      `non-2xx ${l.non2xx}, errors ${l.errors}, timeouts ${l.timeouts}; ${l.bytesPerResponse} bytes/response`,
    `    backend ${r.backend.pctOfCore.toFixed(
      0,
    )} % of a core (event loop delay p99 ${r.backend.loopDelayMs.p99.toFixed(
      1,
    )} ms, max ${r.backend.loopDelayMs.max.toFixed(1)} ms); ` +
      `autocannon ${r.generator.pctOfCore.toFixed(0)} %`,
  ].join('\n');
};

async function main() {
  const o = parseOptions(process.argv.slice(2));
  const watchdog = setTimeout(() => {
    log('giving up after 20 minutes');
    killChildren();
    process.exit(2);
  }, 20 * MINUTE);
  watchdog.unref();

  const child = startChild(
    'ofrep backend',
    path.join(__dirname, 'ofrepBackend.ts'),
    {
      options: o,
    },
  );
  const ready = await child.waitFor<{
    type: string;
    baseUrl: string;
    token: string;
  }>('ready', 5 * MINUTE);
  const single = `${ready.baseUrl}/ofrep/v1/evaluate/flags/ai-composer`;
  const bulk = `${ready.baseUrl}/ofrep/v1/evaluate/flags`;
  log(`backend (child pid ${child.process.pid}) ready at ${ready.baseUrl}`);

  // sanity: the endpoints answer as OFREP, and refuse callers without the token
  const probe = async (url: string, token?: string) =>
    fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token && { authorization: `Bearer ${token}` }),
      },
      body: JSON.stringify({
        context: { targetingKey: 'u', tenantId: 'tenant-0' },
      }),
    });
  const one = await probe(single, ready.token);
  const all = await probe(bulk, ready.token);
  const bulkBody = await all.text();
  if (
    one.status !== 200 ||
    all.status !== 200 ||
    (await probe(single)).status !== 401
  ) {
    throw new Error(
      `sanity check failed: single ${one.status}, bulk ${all.status}`,
    );
  }
  log(`single answer ${JSON.stringify(await one.json())}`);
  log(
    `bulk answer: ${JSON.parse(bulkBody).flags.length} flags, ${
      bulkBody.length
    } bytes`,
  );

  const common = {
    token: ready.token,
    tenants: o.tenants,
    durationS: o.durationS,
  };
  if (o.warmupS > 0) {
    log(`warm-up ${o.warmupS} s`);
    await runOfrepLoad({
      ...common,
      label: 'warm-up',
      url: single,
      connections: o.connections,
      durationS: o.warmupS,
    });
  }

  const profiles: string[] = [];
  const measure = async (
    load: Parameters<typeof runOfrepLoad>[0],
  ): Promise<Run> => {
    child.send({
      type: 'load-start',
      name: `ofrep-${load.label.replace(/[^a-z0-9]+/gi, '-')}`,
    });
    const generator = startWindow();
    const figures = await runOfrepLoad(load);
    const generatorFigures = generator.stop();
    child.send({ type: 'load-end' });
    const stats = await child.waitFor<{
      type: string;
      figures: WindowFigures;
      profile?: string;
    }>('load-stats', MINUTE);
    if (stats.profile) profiles.push(stats.profile);
    log(
      `${figures.label}: ${figures.requestsPerS} req/s, p99 ${figures.latencyMs.p99} ms`,
    );
    return {
      load: figures,
      backend: stats.figures,
      generator: generatorFigures,
    };
  };

  const runs = { single: [] as Run[], rate: [] as Run[], bulk: [] as Run[] };
  for (let i = 0; i < o.repeat; i++) {
    runs.single.push(
      await measure({
        ...common,
        label: 'single, max throughput',
        url: single,
        connections: o.connections,
      }),
    );
    runs.rate.push(
      await measure({
        ...common,
        label: `single at ${o.rate} req/s`,
        url: single,
        connections: o.connections,
        rate: o.rate,
      }),
    );
    runs.bulk.push(
      await measure({
        ...common,
        label: 'bulk, max throughput',
        url: bulk,
        connections: o.connections,
      }),
    );
  }
  child.send({ type: 'stop' });
  await child.waitFor('stopped', MINUTE).catch(() => undefined);
  await child.stop(5_000);

  const med = (rs: Run[], f: (r: Run) => number) => median(rs.map(f));
  const singleRps = med(runs.single, r => r.load.requestsPerS);
  const singleP99 = med(runs.single, r => r.load.latencyMs.p99);
  const rateP99 = med(runs.rate, r => r.load.latencyMs.p99);
  const rateCompleted = med(
    runs.rate,
    r => r.load.requests / (o.rate * o.durationS),
  );
  const bulkRps = med(runs.bulk, r => r.load.requestsPerS);
  const bulkP99 = med(runs.bulk, r => r.load.latencyMs.p99);
  const failures = [...runs.single, ...runs.rate, ...runs.bulk].reduce(
    (n, r) => n + r.load.non2xx + r.load.errors + r.load.timeouts,
    0,
  );
  const pass =
    singleRps >= TARGET_RATE &&
    rateP99 <= TARGET_P99_MS &&
    rateCompleted >= 0.99 &&
    failures === 0;
  const load = os
    .loadavg()
    .map(l => l.toFixed(2))
    .join(' ');
  process.stdout.write(
    [
      '',
      ...[...runs.single, ...runs.rate, ...runs.bulk].map(fmt),
      '',
      `bench/ofrep results (SQLite, node ${process.version}, ${
        os.cpus().length
      } cores, ${os.cpus()[0]?.model}; load average ${load})`,
      `single evaluation, max throughput: ${singleRps} req/s, p99 ${singleP99} ms (median of ${o.repeat}, ${o.connections} connections)`,
      `single evaluation at ${o.rate} req/s: p99 ${rateP99} ms, ${(
        rateCompleted * 100
      ).toFixed(1)} % of requests completed (median of ${o.repeat})`,
      `bulk evaluation (${JSON.parse(bulkBody).flags.length} flags, ${
        bulkBody.length
      } bytes): ${bulkRps} req/s, p99 ${bulkP99} ms`,
      `non-2xx + errors + timeouts over all runs: ${failures}`,
      `target >= ${TARGET_RATE} single evaluations/s with p99 <= ${TARGET_P99_MS} ms: ${
        pass ? 'PASS' : 'FAIL'
      }`,
      '',
      ...profiles.flatMap(file => [...summariseProfile(file, 20), '']),
      ...(profiles.length
        ? [
            '(profiled run: the profiler costs CPU, do not quote these figures)',
            '',
          ]
        : []),
    ].join('\n'),
  );
}

runBench(main);
