import os from 'node:os';
import type { FleetPhases } from './fleetPhases';
import type { FleetLoadFigures } from './fleetLoad';
import type { BenchOptions } from './options';
import type { WindowFigures } from './processMeter';
import type { StallFigures } from './stallMonitor';
import type { RoundFigures } from './proberCpu';

/** the phases roundPhases.ts records, in round order */
const PHASE_ORDER = [
  'discover',
  'probe',
  'recordProbes',
  'refreshStats',
  'readRollups',
  'saveStats',
];

export const TARGET_P99_MS = 50;
export const TARGET_PROBER_PCT = 10;

/** One measured load run of part A. */
export interface FleetRun {
  load: FleetLoadFigures;
  /** the backend process during the load */
  backend: WindowFigures;
  /** this (the orchestrator) process, running autocannon */
  generator: WindowFigures;
  stalls: StallFigures;
  roundsDuringLoad: Array<{ probed: number; ms: number }>;
}

export interface FleetReport {
  runs: FleetRun[];
  bodyBytes: number;
  statuses: Record<string, number>;
  phases: FleetPhases;
  setupRounds: Array<{ probed: number; ms: number }>;
}

export interface ProberReport {
  rounds: RoundFigures[];
  window: WindowFigures;
  rssMb: number;
}

const f1 = (n: number) => n.toFixed(1);
const f3 = (n: number) => n.toFixed(3);
const mean = (xs: number[]) =>
  xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

function runDetails(run: FleetRun, label: string): string[] {
  const { load, backend, generator, stalls } = run;
  const gc = Object.entries(stalls.gc)
    .map(([kind, g]) => `${kind} ${g.count}x (max ${f1(g.maxMs)} ms)`)
    .join(', ');
  return [
    `   ${label}latency ms: p50 ${load.latencyMs.p50}, p90 ${
      load.latencyMs.p90
    }, p99 ${load.latencyMs.p99}, max ${load.latencyMs.max}, mean ${f1(
      load.latencyMs.mean,
    )}`,
    `     requests: ${load.requests} completed of ${load.expectedRequests} scheduled, non-2xx ${load.non2xx}, errors ${load.errors}, timeouts ${load.timeouts}; ${load.bytesPerResponse} bytes/response on the wire`,
    `     backend process: ${f1(backend.pctOfCore)} % of one core (user ${f1(
      backend.userS,
    )} s, system ${f1(backend.systemS)} s, main thread ${f1(
      backend.mainThreadS,
    )} s, over ${f1(backend.wallS)} s); event loop delay p50 ${f1(
      backend.loopDelayMs.p50,
    )} ms, p99 ${f1(backend.loopDelayMs.p99)} ms, max ${f1(
      backend.loopDelayMs.max,
    )} ms`,
    `     backend stalls > ${stalls.thresholdMs} ms: ${stalls.stalls} (max ${f1(
      stalls.maxStallMs,
    )} ms): ${
      stalls.duringRound
        ? `${stalls.duringRound} during a probe round (max ${f1(
            stalls.maxStallDuringRoundMs,
          )} ms), `
        : ''
    }${stalls.duringRecompute} during a fleet recompute, ${
      stalls.duringGc
    } during a GC pause >= 5 ms, ${stalls.unexplained} neither; recomputes ${
      stalls.recomputes.count
    }x (mean ${f1(stalls.recomputes.meanMs)} ms, max ${f1(
      stalls.recomputes.maxMs,
    )} ms); GC ${gc}`,
    `     load generator process (autocannon): ${f1(
      generator.pctOfCore,
    )} % of one core; event loop delay p99 ${f1(
      generator.loopDelayMs.p99,
    )} ms, max ${f1(generator.loopDelayMs.max)} ms`,
    ...(run.roundsDuringLoad.length
      ? [
          `     probe rounds during the load: ${run.roundsDuringLoad
            .map(x => `${x.ms} ms`)
            .join(', ')}`,
        ]
      : []),
  ];
}

/** The run whose p99 is the median of the runs (the lower middle one for an even count). */
export function medianRun(r: FleetReport): FleetRun {
  const sorted = [...r.runs].sort(
    (a, b) => a.load.latencyMs.p99 - b.load.latencyMs.p99,
  );
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

export function fleetDetails(r: FleetReport): string[] {
  const { phases } = r;
  const { load } = r.runs[0];
  return [
    `A. fleet summary: GET /api/ops/health/fleet, ${Object.values(
      r.statuses,
    ).reduce((a, b) => a + b, 0)} targets (${Object.entries(r.statuses)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}), ${r.bodyBytes} bytes per answer`,
    `   setup probe rounds: ${r.setupRounds.map(x => `${x.ms} ms`).join(', ')}`,
    `   load: ${load.rate} req/s over ${load.connections} connections for ${
      load.durationS
    } s (autocannon, after warm-up)${
      r.runs.length > 1 ? `, ${r.runs.length} runs` : ''
    }`,
    ...r.runs.flatMap((run, i) =>
      runDetails(run, r.runs.length > 1 ? `run ${i + 1}: ` : ''),
    ),
    `   one cache miss (median of 10, outside HTTP): query ${f1(
      phases.queryMs,
    )} ms, listTargets incl. JSON.parse ${f1(
      phases.listTargetsMs,
    )} ms, getFleetSummary ${f1(phases.summaryMs)} ms, JSON.stringify ${f1(
      phases.stringifyMs,
    )} ms, sha1 ${f1(phases.etagMs)} ms`,
    `   per response: UTF-8 encode ${f1(
      phases.encodeMs,
    )} ms; gzip, as the production root router does for browsers, ${f1(
      phases.gzipMs,
    )} ms -> ${phases.gzipBytes} bytes`,
  ];
}

/** % of one core had the rounds run every 30 s (when measured at another interval). */
export function proberPctAt30s(r: ProberReport) {
  const inRoundCpu = r.rounds.reduce((a, x) => a + x.cpuS, 0);
  const inRoundWall = r.rounds.reduce((a, x) => a + x.ms / 1000, 0);
  const idleRate =
    (r.window.cpuS - inRoundCpu) / Math.max(1e-9, r.window.wallS - inRoundWall);
  const perRound = inRoundCpu / r.rounds.length;
  const roundWall = inRoundWall / r.rounds.length;
  return ((perRound + idleRate * Math.max(0, 30 - roundWall)) / 30) * 100;
}

export function proberDetails(r: ProberReport, o: BenchOptions): string[] {
  return [
    `B. prober: ${o.proberTargets} targets every ${o.intervalS} s, concurrency 16 (default), ${r.rounds.length} measured rounds after 1 warm-up round`,
    ...r.rounds.map(
      (x, i) =>
        `   round ${i + 1}: ${x.probed} probed (${x.failing} failing) in ${
          x.ms
        } ms, ${f3(x.cpuS)} CPU-s in the round (${f3(
          x.mainThreadS,
        )} on the main thread), ${f3(x.periodCpuS)} CPU-s over its ${f1(
          x.periodWallS,
        )} s period`,
    ),
    `   window: ${f3(r.window.cpuS)} CPU-s (user ${f3(
      r.window.userS,
    )}, system ${f3(r.window.systemS)}; main thread ${f3(
      r.window.mainThreadS,
    )}) over ${f1(r.window.wallS)} s = ${f1(
      r.window.pctOfCore,
    )} % of one core; event loop delay p99 ${f1(
      r.window.loopDelayMs.p99,
    )} ms, max ${f1(r.window.loopDelayMs.max)} ms; RSS ${r.rssMb} MB`,
    `   phases, mean per round: ${PHASE_ORDER.filter(p =>
      r.rounds.some(x => x.phases[p]),
    )
      .map(
        p =>
          `${p} ${Math.round(
            mean(r.rounds.map(x => x.phases[p]?.ms ?? 0)),
          )} ms / ${f3(mean(r.rounds.map(x => x.phases[p]?.cpuS ?? 0)))} CPU-s`,
      )
      .join(', ')}`,
    ...(o.intervalS !== 30
      ? [
          `   normalised to one round per 30 s: ${f1(
            proberPctAt30s(r),
          )} % of one core`,
        ]
      : []),
  ];
}

export function summary(
  o: BenchOptions,
  databaseLabel: string,
  fleet: FleetReport | undefined,
  prober: ProberReport | undefined,
): string[] {
  const lines = [
    `bench/health results (${databaseLabel}, node ${process.version}, ${
      os.cpus().length
    } cores, ${os.cpus()[0]?.model.trim() ?? '?'}; load average ${os
      .loadavg()
      .map(l => l.toFixed(2))
      .join(' ')})`,
  ];
  if (fleet) {
    const { load } = medianRun(fleet);
    const errors = load.non2xx + load.errors + load.timeouts;
    const many = fleet.runs.length > 1;
    lines.push(
      `fleet summary, ${o.fleetTargets} targets, ${load.rate} req/s for ${
        load.durationS
      } s${o.proberDuringLoad ? ` (probing every ${o.intervalS} s)` : ''}${
        o.fleetCacheMs ? ` (fleetCacheMs ${o.fleetCacheMs})` : ''
      }${many ? `, median of ${fleet.runs.length} runs by p99` : ''}: p50 ${
        load.latencyMs.p50
      } ms, p99 ${load.latencyMs.p99} ms, max ${load.latencyMs.max} ms, ${
        load.requests
      } requests, ${errors} errors  [target p99 <= ${TARGET_P99_MS} ms: ${verdict(
        load.latencyMs.p99 <= TARGET_P99_MS && errors === 0,
      )}]`,
      ...(many
        ? [
            `  p99 of each run: ${fleet.runs
              .map(x => `${x.load.latencyMs.p99} ms`)
              .join(', ')}`,
          ]
        : []),
    );
  }
  if (prober) {
    const pct =
      o.intervalS === 30 ? prober.window.pctOfCore : proberPctAt30s(prober);
    lines.push(
      `prober, ${o.proberTargets} targets every 30 s${
        o.intervalS !== 30
          ? ` (measured every ${o.intervalS} s, normalised)`
          : ''
      }: ${f3(
        mean(prober.rounds.map(x => x.cpuS)),
      )} CPU-s per round, round takes ${Math.round(
        mean(prober.rounds.map(x => x.ms)),
      )} ms, ${f1(
        pct,
      )} % of one core  [target <= ${TARGET_PROBER_PCT} %: ${verdict(
        pct <= TARGET_PROBER_PCT,
      )}]`,
    );
  }
  return lines;
}
