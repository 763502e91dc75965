import { constants, PerformanceObserver } from 'node:perf_hooks';

interface Span {
  at: number;
  ms: number;
}

const GC_KINDS: Record<number, string> = {
  [constants.NODE_PERFORMANCE_GC_MINOR]: 'minor',
  [constants.NODE_PERFORMANCE_GC_MAJOR]: 'major',
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weakcb',
};

export interface StallFigures {
  /** event loop stalls longer than the threshold, in ms */
  thresholdMs: number;
  stalls: number;
  maxStallMs: number;
  /**
   * of those, how many overlap (first match wins) a probe round / a fleet-summary recompute /
   * a GC pause of 5 ms or more / none of these
   */
  duringRound: number;
  maxStallDuringRoundMs: number;
  duringRecompute: number;
  duringGc: number;
  unexplained: number;
  recomputes: { count: number; maxMs: number; meanMs: number };
  gc: Record<string, { count: number; totalMs: number; maxMs: number }>;
}

/**
 * Timeline of this process during a window: event loop stalls (a 5 ms timer firing late by
 * more than `thresholdMs`), GC pauses (perf_hooks 'gc' entries) and spans the caller reports
 * (probe rounds, fleet-summary recomputes), so the report can say what each stall coincided with.
 */
export function startStallMonitor(thresholdMs = 20) {
  const stalls: Span[] = [];
  const gcs: Array<Span & { kind: string }> = [];
  const recomputes: Span[] = [];
  const rounds: Span[] = [];
  let last = performance.now();
  const tick = 5;
  const timer = setInterval(() => {
    const now = performance.now();
    const late = now - last - tick;
    if (late > thresholdMs) stalls.push({ at: last + tick, ms: late });
    last = now;
  }, tick);
  const observer = new PerformanceObserver(list => {
    for (const e of list.getEntries()) {
      const kind = (e as any).detail?.kind ?? (e as any).kind;
      gcs.push({
        at: e.startTime,
        ms: e.duration,
        kind: GC_KINDS[kind] ?? String(kind),
      });
    }
  });
  observer.observe({ entryTypes: ['gc'] });

  const overlaps = (s: Span, spans: Span[]) =>
    spans.some(x => x.at < s.at + s.ms && s.at < x.at + x.ms);
  return {
    recompute(span: Span) {
      recomputes.push(span);
    },
    round(span: Span) {
      rounds.push(span);
    },
    stop(): StallFigures {
      clearInterval(timer);
      observer.disconnect();
      const bigGcs = gcs.filter(g => g.ms >= 5);
      const inRound = stalls.filter(s => overlaps(s, rounds));
      const rest = stalls.filter(s => !overlaps(s, rounds));
      const duringRecompute = rest.filter(s => overlaps(s, recomputes)).length;
      const duringGc = rest.filter(
        s => !overlaps(s, recomputes) && overlaps(s, bigGcs),
      ).length;
      const gc: StallFigures['gc'] = {};
      for (const g of gcs) {
        const k = (gc[g.kind] ??= { count: 0, totalMs: 0, maxMs: 0 });
        k.count += 1;
        k.totalMs += g.ms;
        k.maxMs = Math.max(k.maxMs, g.ms);
      }
      return {
        thresholdMs,
        stalls: stalls.length,
        maxStallMs: Math.max(0, ...stalls.map(s => s.ms)),
        duringRecompute,
        duringRound: inRound.length,
        maxStallDuringRoundMs: Math.max(0, ...inRound.map(x => x.ms)),
        duringGc,
        unexplained: rest.length - duringRecompute - duringGc,
        recomputes: {
          count: recomputes.length,
          maxMs: Math.max(0, ...recomputes.map(r => r.ms)),
          meanMs:
            recomputes.reduce((a, r) => a + r.ms, 0) /
            Math.max(1, recomputes.length),
        },
        gc,
      };
    },
  };
}
