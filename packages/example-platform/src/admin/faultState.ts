/**
 * Faults that can be injected into a role.
 *
 * - `healthy`: no fault (clears any other)
 * - `degraded`: health reports `warn`
 * - `failing`: health reports `fail` (HTTP 503)
 * - `slow`: health responses are delayed by `delayMs`
 *
 * @public
 */
export type FaultMode = 'healthy' | 'degraded' | 'failing' | 'slow';

/** @public */
export const FAULT_MODES: readonly FaultMode[] = [
  'healthy',
  'degraded',
  'failing',
  'slow',
];

/** Delay used by `slow` when no `delayMs` is given. @public */
export const DEFAULT_SLOW_DELAY_MS = 3000;

/** Largest accepted `delayMs`. */
export const MAX_SLOW_DELAY_MS = 120_000;

/**
 * The fault currently injected into a role.
 *
 * @public
 */
export interface Fault {
  mode: FaultMode;
  /** Only for `slow`. */
  delayMs?: number;
  /** ISO time the fault was set. */
  since: string;
}

/** Returns true when the given value names a fault mode. */
export function isFaultMode(value: unknown): value is FaultMode {
  return (
    typeof value === 'string' &&
    (FAULT_MODES as readonly string[]).includes(value)
  );
}

/** Holds the injected fault of one role. */
export class FaultState {
  readonly #now: () => Date;
  #fault: Fault;

  constructor(now: () => Date = () => new Date()) {
    this.#now = now;
    this.#fault = { mode: 'healthy', since: now().toISOString() };
  }

  get(): Fault {
    return { ...this.#fault };
  }

  set(mode: FaultMode, delayMs?: number): Fault {
    this.#fault = {
      mode,
      ...(mode === 'slow' ? { delayMs: delayMs ?? DEFAULT_SLOW_DELAY_MS } : {}),
      since: this.#now().toISOString(),
    };
    return this.get();
  }
}
