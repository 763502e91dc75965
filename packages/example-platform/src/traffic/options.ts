/**
 * How the built-in traffic generator behaves. Every field has a default.
 *
 * @public
 */
export interface TrafficOptions {
  /** How often the api role enqueues messages. Default 1000 ms. */
  intervalMs: number;
  /**
   * Whether the api role generates mail. Default true; false keeps the
   * worker and scheduler running with no generated mail (tests).
   */
  generateMail: boolean;
  /** Each enqueue tick adds 1..maxMessagesPerTick messages. Default 5. */
  maxMessagesPerTick: number;
  /** How often the worker sends a batch. Default: intervalMs. */
  sendIntervalMs: number;
  /** Messages the worker takes per batch. Default 25. */
  batchSize: number;
  /** Share of sent messages that bounce. Default 0.02. */
  bounceRate: number;
  /** Share of sent messages that draw a complaint. Default 0.005. */
  complaintRate: number;
  /** How often the scheduler records logins. Default 5 × intervalMs. */
  loginIntervalMs: number;
  /** How often the scheduler prunes old rows. Default 60000 ms. */
  pruneIntervalMs: number;
  /**
   * Delivered messages older than this are pruned, and per-minute delivery
   * counts older than this are folded into hours. Default 24 hours.
   */
  retentionHours: number;
  /** Logins and delivery history older than this are pruned. Default 35 days. */
  historyDays: number;
  /** Logins per active user per day the scheduler records. Default 6. */
  loginsPerUserPerDay: number;
}

/** Builds complete traffic options, or `undefined` when traffic is off. */
export function resolveTrafficOptions(
  traffic: boolean | Partial<TrafficOptions> | undefined,
): TrafficOptions | undefined {
  if (traffic === false) {
    return undefined;
  }
  const given = typeof traffic === 'object' ? traffic : {};
  const intervalMs = positive(given.intervalMs, 1000, 'intervalMs');
  return {
    intervalMs,
    generateMail: given.generateMail ?? true,
    maxMessagesPerTick: positive(
      given.maxMessagesPerTick,
      5,
      'maxMessagesPerTick',
    ),
    sendIntervalMs: positive(
      given.sendIntervalMs,
      intervalMs,
      'sendIntervalMs',
    ),
    batchSize: positive(given.batchSize, 25, 'batchSize'),
    bounceRate: rate(given.bounceRate, 0.02, 'bounceRate'),
    complaintRate: rate(given.complaintRate, 0.005, 'complaintRate'),
    loginIntervalMs: positive(
      given.loginIntervalMs,
      intervalMs * 5,
      'loginIntervalMs',
    ),
    pruneIntervalMs: positive(given.pruneIntervalMs, 60_000, 'pruneIntervalMs'),
    retentionHours: positive(given.retentionHours, 24, 'retentionHours'),
    historyDays: positive(given.historyDays, 35, 'historyDays'),
    loginsPerUserPerDay: positive(
      given.loginsPerUserPerDay,
      6,
      'loginsPerUserPerDay',
    ),
  };
}

function positive(value: number | undefined, fallback: number, name: string) {
  if (value === undefined) {
    return fallback;
  }
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(`traffic.${name} must be a positive number, got ${value}`);
  }
  return value;
}

function rate(value: number | undefined, fallback: number, name: string) {
  if (value === undefined) {
    return fallback;
  }
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    throw new Error(`traffic.${name} must be between 0 and 1, got ${value}`);
  }
  return value;
}
