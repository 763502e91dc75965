import { monitorEventLoopDelay } from 'node:perf_hooks';

type EventLoopHistogram = ReturnType<typeof monitorEventLoopDelay>;

/**
 * Samples event-loop delay with `perf_hooks.monitorEventLoopDelay` and
 * reports the p99 of a rolling window.
 */
export class EventLoopDelaySampler {
  readonly #histogram: EventLoopHistogram;
  readonly #windowMs: number;
  readonly #resolutionMs: number;
  #windowStart = Date.now();

  constructor(options: { resolutionMs?: number; windowMs?: number } = {}) {
    this.#resolutionMs = options.resolutionMs ?? 10;
    this.#histogram = monitorEventLoopDelay({
      resolution: this.#resolutionMs,
    });
    this.#windowMs = options.windowMs ?? 30_000;
    this.#histogram.enable();
  }

  /** p99 delay in ms since the window started, and how many samples it has. */
  p99(): { ms: number; samples: number } {
    const samples = this.#histogram.count;
    // Samples are timer intervals, so they include the sampling resolution.
    const ms =
      samples > 0
        ? Math.max(0, this.#histogram.percentile(99) / 1e6 - this.#resolutionMs)
        : 0;
    if (Date.now() - this.#windowStart >= this.#windowMs) {
      this.#histogram.reset();
      this.#windowStart = Date.now();
    }
    return { ms, samples };
  }

  stop(): void {
    this.#histogram.disable();
  }
}
