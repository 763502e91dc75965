import { monitorEventLoopDelay } from 'node:perf_hooks';

/** CPU time of this whole process (all threads), user + system, in seconds. */
export function cpuSeconds() {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

/** CPU time of the main (JavaScript) thread only, user + system, in seconds. */
export function mainThreadSeconds() {
  const { user, system } = process.threadCpuUsage();
  return (user + system) / 1e6;
}

export interface WindowFigures {
  wallS: number;
  cpuS: number;
  userS: number;
  systemS: number;
  /** of cpuS, on the main thread (the rest: GC helpers, libuv pool, compiler threads) */
  mainThreadS: number;
  /** CPU time / wall time, in % of one core */
  pctOfCore: number;
  /** event loop delay over the window (how long ready callbacks waited), ms */
  loopDelayMs: { p50: number; p99: number; max: number };
}

const LOOP_RESOLUTION_MS = 10;
/** The histogram records the time between its timer's ticks; the delay is what exceeds the tick. */
const delayMs = (ns: number) => Math.max(0, ns / 1e6 - LOOP_RESOLUTION_MS);

/** Measures this process between start() and stop(): CPU and event loop delay. */
export function startWindow() {
  const startWall = performance.now();
  const startCpu = process.cpuUsage();
  const startMain = mainThreadSeconds();
  const loop = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  loop.enable();
  return {
    stop(): WindowFigures {
      const { user, system } = process.cpuUsage(startCpu);
      const wallS = (performance.now() - startWall) / 1000;
      loop.disable();
      const cpuS = (user + system) / 1e6;
      return {
        wallS,
        cpuS,
        mainThreadS: mainThreadSeconds() - startMain,
        userS: user / 1e6,
        systemS: system / 1e6,
        pctOfCore: (cpuS / wallS) * 100,
        loopDelayMs: {
          p50: delayMs(loop.percentile(50)),
          p99: delayMs(loop.percentile(99)),
          max: delayMs(loop.max),
        },
      };
    },
  };
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : NaN;
};

/** The p-th percentile (nearest rank) of values sorted ascending. */
export const percentile = (sorted: number[], p: number) =>
  sorted.length
    ? sorted[
        Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
      ]
    : NaN;
