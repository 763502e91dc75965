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
  /** untimed, before each call */
  before: () => Promise<void> = async () => {},
) {
  for (let i = 0; i < warmup; i++) {
    await before();
    await call();
  }
  const ms: number[] = [];
  for (let i = 0; i < iterations; i++) {
    await before();
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
 * A provider's client, and the connection its change tracking opens (a duplicate of the
 * client) once it exists; `sent` counts the commands that connection sent.
 */
function watchedClient(redisUrl: string) {
  const client = createBullMqRedisClient(redisUrl, { connectTimeoutMs: 5000 });
  const duplicate = client.duplicate.bind(client);
  const watched = {
    client,
    invalidations: undefined as Redis | undefined,
    sent: 0,
  };
  client.duplicate = ((...args: Parameters<Redis['duplicate']>) => {
    const connection = duplicate(...args);
    const sendCommand = connection.sendCommand.bind(connection);
    connection.sendCommand = ((...a: Parameters<Redis['sendCommand']>) => {
      watched.sent += 1;
      return sendCommand(...a);
    }) as Redis['sendCommand'];
    watched.invalidations = connection;
    return connection;
  }) as Redis['duplicate'];
  return watched;
}

/** Round trips of one call: socket writes of the client and of the invalidation connection. */
async function roundTripsOf(
  watched: ReturnType<typeof watchedClient>,
  call: () => Promise<unknown>,
) {
  const main = countTraffic(watched.client);
  const sub =
    watched.invalidations?.status === 'ready'
      ? countTraffic(watched.invalidations)
      : undefined;
  await call();
  main.restore();
  sub?.restore();
  return {
    client: main.counts.writes,
    invalidations: sub?.counts.writes ?? 0,
  };
}

const sumTrips = (t: { client: number; invalidations: number }) =>
  t.client + t.invalidations;
const fmtTrips = (t: { client: number; invalidations: number }) =>
  `${sumTrips(t)} Redis round trip(s) (${t.client} of the client, ${
    t.invalidations
  } PING of the invalidation connection)`;

/**
 * `count` first calls of fresh providers (each on its own connected client, queue list
 * configured so no SCAN runs): their time, the client's round trips of the last one and the
 * commands its change tracking sent on its new connection (connect, subscribe, barrier).
 */
async function coldCalls(
  redisUrl: string,
  prefix: string,
  names: string[],
  count: number,
) {
  const ms: number[] = [];
  let roundTrips = 0;
  let trackingCommands = 0;
  for (let i = 0; i < count; i++) {
    const watched = watchedClient(redisUrl);
    await watched.client.connect();
    const traffic = countTraffic(watched.client);
    const provider = new BullMqQueueProvider({
      redis: watched.client,
      prefix,
      queueNames: names,
    });
    const start = performance.now();
    await provider.listQueues();
    ms.push(performance.now() - start);
    traffic.restore();
    roundTrips = traffic.counts.writes;
    trackingCommands = watched.sent;
    await provider.close();
  }
  return { ms, roundTrips, trackingCommands };
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
  const watched = watchedClient(o.redisUrl);
  const client = watched.client;
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
    const oursMs = await timeCalls(
      'ours, unchanged queues',
      o.warmup,
      o.iterations,
      async () => {
        await provider.listQueues();
      },
    );
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

    // commands per call (MONITOR, not timed) and round trips (socket writes)
    const oursTrips = await roundTripsOf(watched, () => provider.listQueues());
    const oursCommands = await countCommands(o.redisUrl, prefix, () =>
      provider.listQueues(),
    );
    const samplerTrips = await roundTripsOf(watched, () =>
      provider.listQueues({ totals: true }),
    );
    const samplerCommands = await countCommands(o.redisUrl, prefix, () =>
      provider.listQueues({ totals: true }),
    );
    const boardCommands = await countCommands(o.redisUrl, prefix, async () => {
      await (await fetch(url)).arrayBuffer();
    });

    // live queues (after bull-board's calls, which saw the seeded queues): before each call a
    // job is added to every tenth queue, then to every queue (untimed, through BullMQ)
    const producers = names.map(
      name => new Queue(name, { connection: admin, prefix }),
    );
    const addJobs = (every: number) => () =>
      Promise.all(
        producers
          .filter((_, i) => i % every === 0)
          .map(q => q.add('send-email', { to: 'live@tenant.test' })),
      ).then(() => undefined);
    const changed = async (every: number, label: string) => {
      const ms = await timeCalls(
        label,
        o.warmup,
        o.iterations,
        async () => {
          await provider.listQueues();
        },
        addJobs(every),
      );
      await addJobs(every)();
      const trips = await roundTripsOf(watched, () => provider.listQueues());
      await addJobs(every)();
      const commands = await countCommands(o.redisUrl, prefix, () =>
        provider.listQueues(),
      );
      return { ms, trips, commands };
    };
    const tenth = await changed(10, 'ours, every 10th queue changed');
    const all = await changed(1, 'ours, every queue changed');
    await Promise.all(producers.map(q => q.close()));

    // cold: a fresh provider (queue list configured, connected): change tracking starts
    const cold = await coldCalls(o.redisUrl, prefix, names, 5);
    const coldCommands = await countCommands(o.redisUrl, prefix, async () => {
      await coldCalls(o.redisUrl, prefix, names, 1);
    });
    // discovery alone (every discoveryCacheSeconds, in the background): a fresh provider's first call
    const freshClient = createBullMqRedisClient(o.redisUrl, {
      connectTimeoutMs: 5000,
    });
    await freshClient.connect();
    const freshTraffic = countTraffic(freshClient);
    const fresh = new BullMqQueueProvider({ redis: freshClient, prefix });
    const freshStart = performance.now();
    await fresh.listQueues();
    const freshMs = performance.now() - freshStart;
    freshTraffic.restore();
    await fresh.close();
    await board.stop(1000);
    board.process.kill('SIGKILL');

    const ratioOf = (ms: { p50: number }) =>
      `${(ms.p50 / boardMs.p50).toFixed(3)} (1/${(boardMs.p50 / ms.p50).toFixed(
        1,
      )})`;
    const verdict = (ms: { p50: number }, trips: number) =>
      ms.p50 / boardMs.p50 <= 0.1 && trips <= 2 ? 'PASS' : 'FAIL';
    const load = os
      .loadavg()
      .map(l => l.toFixed(2))
      .join(' ');
    const fmtMs = (ms: { p50: number; p95: number; max: number }) =>
      `p50 ${ms.p50.toFixed(1)} ms, p95 ${ms.p95.toFixed(
        1,
      )} ms, max ${ms.max.toFixed(1)} ms`;
    process.stdout.write(
      [
        `bench/queues results (node ${process.version}, ${
          os.cpus().length
        } cores, load average ${load})`,
        `${o.queues} BullMQ queues, ${jobs} jobs (waiting, prioritized, delayed; every 10th queue paused), ${o.iterations} calls each after ${o.warmup} warm-up calls`,
        `ours (BullMqQueueProvider.listQueues, in process), queues unchanged since the last call: ${fmtMs(
          oursMs,
        )}`,
        `  ${fmtTrips(oursTrips)}; ${fmtCommands(oursCommands)}`,
        `ours, a job added to every 10th queue before each call: ${fmtMs(
          tenth.ms,
        )}`,
        `  ${fmtTrips(tenth.trips)}; ${fmtCommands(tenth.commands)}`,
        `ours, a job added to every queue before each call: ${fmtMs(all.ms)}`,
        `  ${fmtTrips(all.trips)}; ${fmtCommands(all.commands)}`,
        `  cold (fresh provider, queue list configured, connected; change tracking starts alongside, not awaited): client ${
          cold.roundTrips
        } socket writes, median of ${cold.ms.length} ${median(cold.ms).toFixed(
          1,
        )} ms; its new invalidation connection sent ${
          cold.trackingCommands
        } commands (connect, subscribe, barrier); ${fmtCommands(coldCommands)}`,
        `  first call of a fresh provider with discovery (SCAN + tracking + overview): client ${
          freshTraffic.counts.writes
        } round trips, ${freshMs.toFixed(1)} ms`,
        `ours, sampler call (listQueues({ totals: true }), every 30 s, reads every queue): ${fmtMs(
          samplerMs,
        )}`,
        `  ${fmtTrips(samplerTrips)}; ${fmtCommands(samplerCommands)}`,
        `bull-board (GET /api/queues over loopback HTTP): ${fmtMs(boardMs)}`,
        `  ${fmtCommands(boardCommands)}`,
        `ratio ours/bull-board p50: unchanged ${ratioOf(
          oursMs,
        )}, every 10th changed ${ratioOf(
          tenth.ms,
        )}, every queue changed ${ratioOf(all.ms)}, sampler ${ratioOf(
          samplerMs,
        )}`,
        `[target <= 1/10 of bull-board and <= 2 round trips: unchanged ${verdict(
          oursMs,
          sumTrips(oursTrips),
        )}, every 10th changed ${verdict(
          tenth.ms,
          sumTrips(tenth.trips),
        )}, every queue changed ${verdict(
          all.ms,
          sumTrips(all.trips),
        )}, cold ${verdict({ p50: median(cold.ms) }, cold.roundTrips)}]`,
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
