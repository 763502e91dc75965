import { PlatformLogger } from '../logger';
import { OutboundQueue } from '../queue/types';
import { RandomSource } from '../traffic/random';
import { phishingEmail } from './phishingEmail';

/** Default size of a simulated burst: 400 messages over 20 seconds. */
export const DEFAULT_COMPROMISE = { messages: 400, durationSeconds: 20 };

/** How often a burst enqueues its next share of messages. */
const TICK_MS = 250;

/**
 * A simulated compromise of one tenant's account.
 *
 * @public
 */
export interface CompromiseState {
  tenantId: string;
  active: boolean;
  /** Messages the burst sends in all. */
  messages: number;
  durationSeconds: number;
  /** Messages enqueued so far. */
  sent: number;
  startedAt: string;
  endsAt: string;
  stoppedAt?: string;
}

interface Burst {
  state: CompromiseState;
  timer: NodeJS.Timeout;
  started: number;
  tick: Promise<void>;
}

/**
 * Simulates compromised tenants: a burst of phishing-like mail to many
 * unknown recipients, enqueued evenly over the burst's duration on top of
 * the normal traffic. One burst per tenant; starting another replaces it.
 */
export class CompromiseSimulator {
  readonly #queue: OutboundQueue;
  readonly #random: RandomSource;
  readonly #logger: PlatformLogger;
  readonly #bursts = new Map<string, Burst>();
  readonly #last = new Map<string, CompromiseState>();

  constructor(options: {
    queue: OutboundQueue;
    random: RandomSource;
    logger: PlatformLogger;
  }) {
    this.#queue = options.queue;
    this.#random = options.random;
    this.#logger = options.logger;
  }

  /** The running or last burst of a tenant. */
  get(tenantId: string): CompromiseState | undefined {
    return this.#bursts.get(tenantId)?.state ?? this.#last.get(tenantId);
  }

  async start(
    tenantId: string,
    options: { messages: number; durationSeconds: number },
    now: Date = new Date(),
  ): Promise<CompromiseState> {
    await this.stop(tenantId);
    const state: CompromiseState = {
      tenantId,
      active: true,
      messages: options.messages,
      durationSeconds: options.durationSeconds,
      sent: 0,
      startedAt: now.toISOString(),
      endsAt: new Date(
        now.getTime() + options.durationSeconds * 1000,
      ).toISOString(),
    };
    const burst: Burst = {
      state,
      started: Date.now(),
      tick: Promise.resolve(),
      timer: setInterval(() => {
        burst.tick = burst.tick.then(() => this.#tick(burst));
      }, TICK_MS),
    };
    burst.timer.unref();
    this.#bursts.set(tenantId, burst);
    this.#logger.info(
      `simulating a compromise of tenant ${tenantId}: ${options.messages} messages over ${options.durationSeconds} s`,
    );
    burst.tick = this.#tick(burst);
    return { ...state };
  }

  /** Stops a tenant's burst; what it already enqueued stays queued. */
  async stop(tenantId: string): Promise<CompromiseState | undefined> {
    const burst = this.#bursts.get(tenantId);
    if (!burst) {
      return this.#last.get(tenantId);
    }
    clearInterval(burst.timer);
    this.#bursts.delete(tenantId);
    await burst.tick;
    this.#finish(burst);
    return { ...burst.state };
  }

  async close(): Promise<void> {
    await Promise.all([...this.#bursts.keys()].map(id => this.stop(id)));
  }

  #finish(burst: Burst) {
    if (burst.state.active) {
      burst.state.active = false;
      burst.state.stoppedAt = new Date().toISOString();
      this.#last.set(burst.state.tenantId, burst.state);
      this.#logger.info(
        `compromise of tenant ${burst.state.tenantId} ended after ${burst.state.sent} messages`,
      );
    }
  }

  async #tick(burst: Burst) {
    const { state } = burst;
    if (!state.active) {
      return;
    }
    const elapsed = (Date.now() - burst.started) / 1000;
    const due = Math.min(
      state.messages,
      Math.ceil(
        (state.messages * Math.max(elapsed, TICK_MS / 1000)) /
          state.durationSeconds,
      ),
    );
    const count = due - state.sent;
    if (count > 0) {
      try {
        await this.#queue.enqueue(
          Array.from({ length: count }, () =>
            phishingEmail(state.tenantId, this.#random),
          ),
        );
        state.sent += count;
      } catch (error) {
        this.#logger.warn(
          `compromise of tenant ${state.tenantId} could not enqueue`,
          { error: String(error) },
        );
      }
    }
    if (state.sent >= state.messages) {
      clearInterval(burst.timer);
      if (this.#bursts.get(state.tenantId) === burst) {
        this.#bursts.delete(state.tenantId);
      }
      this.#finish(burst);
    }
  }
}
