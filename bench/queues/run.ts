/**
 * `yarn bench:queues`: the queue overview with 1,000 BullMQ queues holding jobs, read by the
 * console's BullMQ provider (`BullMqQueueProvider.listQueues()`, in this process) and by
 * bull-board's `GET /api/queues` (a forked child, on loopback), on the same Redis in the same
 * run: latency p50/p95 of each and their ratio, and Redis commands per call of each; also our
 * round trips warm and cold (a fresh provider: enqueue times not cached yet) and the cost of
 * the sampler's call (`listQueues({ totals: true })`, every 30 s).
 * Target: ours <= 1/10 of bull-board's time, <= 2 Redis round trips. See bench/README.md.
 */
import os from 'node:os';
import path from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import {
  BullMqQueueProvider,
  createBullMqRedisClient,
} from '@opsconsole/backstage-plugin-ops-backend-module-bullmq';
import { countTraffic } from '../../plugins/ops-backend-module-bullmq/src/__testUtils__/redis';
import { killChildren, startChild } from '../health/childProcesses';
import { runBench } from '../health/runBench';
import { parseOptions } from './options';
import { CommandCount, countCommands } from './redisCommands';
import { benchQueueNames, deletePrefix, seedQueues } from './seedQueues';

const MINUTE = 60_000;
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

function percentile(sorted: number[], p: number) {
  return sorted[
    Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  ];
}

async function timeCalls(
  label: string,
  warmup: number,
  iterations: number,
  call: () => Promise<void>,
) {
  for (let i = 0; i < warmup; i++) await call();
  const ms: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    await call();
    ms.push(performance.now() - start);
  }
  ms.sort((a, b) => a - b);
  const figures = {
    p50: percentile(ms, 50),
    p95: percentile(ms, 95),
    min: ms[0],
    max: ms[ms.length - 1],
  };
  log(
    `${label}: p50 ${figures.p50.toFixed(1)} ms, p95 ${figures.p95.toFixed(
      1,
    )} ms`,
  );
  return figures;
}

const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );

/**
 * `count` first calls of fresh providers (each on its own connected client, queue list
 * configured so no SCAN runs): their time and the round trips of the last one.
 */
async function coldCalls(
  redisUrl: string,
  prefix: string,
  names: string[],
  count: number,
) {
  const ms: number[] = [];
  let roundTrips = 0;
  for (let i = 0; i < count; i++) {
    const client = createBullMqRedisClient(redisUrl, {
      connectTimeoutMs: 5000,
    });
    await client.connect();
    const provider = new BullMqQueueProvider({
      redis: client,
      prefix,
      queueNames: names,
    });
    const traffic = countTraffic(client);
    const start = performance.now();
    await provider.listQueues();
    ms.push(performance.now() - start);
    traffic.restore();
    roundTrips = traffic.counts.writes;
    await provider.close();
  }
  return { ms, roundTrips };
}

const fmtCommands = (c: CommandCount) =>
  `${c.sent + c.inScripts} commands (${c.sent} sent by the client, ${
    c.inScripts
  } inside Lua scripts); top: ${c.byName
    .slice(0, 6)
    .map(([name, n]) => `${name} ${n}`)
    .join(', ')}`;

async function main() {
  const o = parseOptions(process.argv.slice(2));
  const watchdog = setTimeout(() => {
    log('giving up after 20 minutes');
    killChildren();
    process.exit(2);
  }, 20 * MINUTE);
  watchdog.unref();

  const prefix = `bench-queues-${process.pid}-${Date.now()}`;
  const admin = new Redis(o.redisUrl);
  const names = benchQueueNames(o.queues);
  const client = createBullMqRedisClient(o.redisUrl, {
    connectTimeoutMs: 5000,
  });
  // the queue list is discovered once (first call) and then kept for the whole run, so the
  // timed calls are overviews as a running backend makes them between two discoveries
  const provider = new BullMqQueueProvider({
    redis: client,
    prefix,
    discoveryCacheMs: 60 * MINUTE,
  });
  try {
    log(`seeding ${o.queues} queues x ${o.jobs} jobs under ${prefix}:`);
    const seedStart = performance.now();
    const jobs = await seedQueues(admin, prefix, names, o.jobs, done =>
      log(`  ${done} queues`),
    );
    log(
      `seeded ${jobs} jobs in ${(
        (performance.now() - seedStart) /
        1000
      ).toFixed(1)} s`,
    );

    const board = startChild(
      'bull-board',
      path.join(__dirname, 'bullBoardServer.ts'),
      {
        redisUrl: o.redisUrl,
        prefix,
        names,
      },
    );
    const { url } = await board.waitFor<{ type: string; url: string }>(
      'ready',
      2 * MINUTE,
    );
    log(`bull-board (child pid ${board.process.pid}) at ${url}`);

    // sanity: both see every queue with the same counts
    const ours = await provider.listQueues();
    const theirs = (await (await fetch(url)).json()) as {
      queues: {
        name: string;
        counts: Record<string, number>;
        isPaused: boolean;
      }[];
    };
    if (ours.length !== o.queues || theirs.queues.length !== o.queues) {
      throw new Error(
        `queues seen: ours ${ours.length}, bull-board ${theirs.queues.length}, expected ${o.queues}`,
      );
    }
    const boardByName = new Map(theirs.queues.map(q => [q.name, q]));
    for (const q of ours) {
      const b = boardByName.get(q.name)!;
      const waiting =
        (b.counts.waiting ?? 0) +
        (b.counts.prioritized ?? 0) +
        (b.counts.paused ?? 0);
      if (
        q.counts.waiting !== waiting ||
        q.counts.delayed !== b.counts.delayed ||
        q.paused !== b.isPaused
      ) {
        throw new Error(
          `${q.name}: ours ${JSON.stringify(q)} vs bull-board ${JSON.stringify(
            b,
          )}`,
        );
      }
    }
    log(`both sides see ${o.queues} queues with equal counts`);
    // and our oldest waiting job is BullMQ's, on every 50th queue
    for (const q of ours.filter((_, i) => i % 50 === 0)) {
      const queue = new Queue(q.name, { connection: admin, prefix });
      const waiting = await queue.getJobs(['waiting', 'prioritized']);
      await queue.close();
      const oldest = waiting.length
        ? new Date(Math.min(...waiting.map(j => j!.timestamp))).toISOString()
        : undefined;
      if (q.oldestWaitingAt !== oldest) {
        throw new Error(
          `${q.name}: oldest waiting ours ${q.oldestWaitingAt}, BullMQ ${oldest}`,
        );
      }
    }
    log(`oldest waiting jobs equal BullMQ's on every 50th queue`);

    // timings, alternating sides would interleave their caches; run each side as a block
    const oursMs = await timeCalls('ours', o.warmup, o.iterations, async () => {
      await provider.listQueues();
    });
    const samplerMs = await timeCalls(
      'ours, sampler call (totals)',
      o.warmup,
      o.iterations,
      async () => {
        await provider.listQueues({ totals: true });
      },
    );
    const boardMs = await timeCalls(
      'bull-board',
      o.warmup,
      o.iterations,
      async () => {
        const res = await fetch(url);
        await res.arrayBuffer();
        if (!res.ok) throw new Error(`bull-board answered ${res.status}`);
      },
    );

    // commands per call (MONITOR, not timed) and our round trips (socket writes)
    const traffic = countTraffic(client);
    const oursCommands = await countCommands(o.redisUrl, prefix, () =>
      provider.listQueues(),
    );
    traffic.restore();
    const samplerTraffic = countTraffic(client);
    const samplerCommands = await countCommands(o.redisUrl, prefix, () =>
      provider.listQueues({ totals: true }),
    );
    samplerTraffic.restore();
    // cold: a fresh provider (queue list configured, connected) knows no enqueue time yet
    const cold = await coldCalls(o.redisUrl, prefix, names, 5);
    const coldCommands = await countCommands(o.redisUrl, prefix, async () => {
      await coldCalls(o.redisUrl, prefix, names, 1);
    });
    const boardCommands = await countCommands(o.redisUrl, prefix, async () => {
      await (await fetch(url)).arrayBuffer();
    });
    // discovery alone (every discoveryCacheSeconds, in the background): a fresh provider's first call
    const freshClient = createBullMqRedisClient(o.redisUrl, {
      connectTimeoutMs: 5000,
    });
    await freshClient.connect();
    const fresh = new BullMqQueueProvider({ redis: freshClient, prefix });
    const freshTraffic = countTraffic(freshClient);
    const freshStart = performance.now();
    await fresh.listQueues();
    const freshMs = performance.now() - freshStart;
    freshTraffic.restore();
    await fresh.close();
    await board.stop(1000);
    board.process.kill('SIGKILL');

    const ratio = oursMs.p50 / boardMs.p50;
    const pass =
      ratio <= 0.1 && traffic.counts.writes <= 2 && cold.roundTrips <= 2;
    const load = os
      .loadavg()
      .map(l => l.toFixed(2))
      .join(' ');
    process.stdout.write(
      [
        `bench/queues results (node ${process.version}, ${
          os.cpus().length
        } cores, load average ${load})`,
        `${o.queues} BullMQ queues, ${jobs} jobs (waiting, prioritized, delayed; every 10th queue paused), ${o.iterations} calls each after ${o.warmup} warm-up calls`,
        `ours (BullMqQueueProvider.listQueues, in process): p50 ${oursMs.p50.toFixed(
          1,
        )} ms, p95 ${oursMs.p95.toFixed(1)} ms, max ${oursMs.max.toFixed(
          1,
        )} ms`,
        `  warm (enqueue times cached): ${
          traffic.counts.writes
        } Redis round trip(s) per call; ${fmtCommands(oursCommands)}`,
        `  cold (fresh provider, queue list configured, no enqueue time cached): ${
          cold.roundTrips
        } round trips, median of ${cold.ms.length} ${median(cold.ms).toFixed(
          1,
        )} ms; ${fmtCommands(coldCommands)}`,
        `  first call of a fresh provider with discovery (SCAN + overview): ${
          freshTraffic.counts.writes
        } round trips, ${freshMs.toFixed(1)} ms`,
        `ours, sampler call (listQueues({ totals: true }), every 30 s): p50 ${samplerMs.p50.toFixed(
          1,
        )} ms, p95 ${samplerMs.p95.toFixed(1)} ms, max ${samplerMs.max.toFixed(
          1,
        )} ms`,
        `  ${
          samplerTraffic.counts.writes
        } Redis round trip(s) per call; ${fmtCommands(samplerCommands)}`,
        `bull-board (GET /api/queues over loopback HTTP): p50 ${boardMs.p50.toFixed(
          1,
        )} ms, p95 ${boardMs.p95.toFixed(1)} ms, max ${boardMs.max.toFixed(
          1,
        )} ms`,
        `  ${fmtCommands(boardCommands)}`,
        `ratio ours/bull-board p50 ${ratio.toFixed(3)} (1/${(1 / ratio).toFixed(
          1,
        )}), p95 ${(oursMs.p95 / boardMs.p95).toFixed(
          3,
        )}  [target <= 1/10 and <= 2 round trips: ${pass ? 'PASS' : 'FAIL'}]`,
        '',
      ].join('\n'),
    );
  } finally {
    await provider.close();
    if (o.keep) log(`keys kept under ${prefix}:`);
    else
      log(`deleted ${await deletePrefix(admin, prefix)} keys under ${prefix}:`);
    admin.disconnect();
  }
}

runBench(main);
