import {
  FAULT_MODES,
  FaultMode,
  isFaultMode,
  MAX_SLOW_DELAY_MS,
} from './faultState';

/** A validated `POST /admin/fault` body, or the reason it is invalid. */
export type FaultRequest =
  | { ok: true; mode: FaultMode; delayMs?: number }
  | { ok: false; message: string };

/** Validates `{ mode, delayMs? }`. */
export function parseFaultRequest(body: unknown): FaultRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return {
      ok: false,
      message: `Body must be a JSON object like {"mode":"degraded"}; mode is one of ${FAULT_MODES.join(
        ', ',
      )}`,
    };
  }
  const { mode, delayMs } = body as Record<string, unknown>;
  if (!isFaultMode(mode)) {
    return {
      ok: false,
      message: `Invalid fault mode ${JSON.stringify(
        mode,
      )}; expected one of ${FAULT_MODES.join(', ')}`,
    };
  }
  if (delayMs === undefined) {
    return { ok: true, mode };
  }
  if (
    typeof delayMs !== 'number' ||
    !Number.isInteger(delayMs) ||
    delayMs < 0 ||
    delayMs > MAX_SLOW_DELAY_MS
  ) {
    return {
      ok: false,
      message: `Invalid delayMs ${JSON.stringify(
        delayMs,
      )}; expected an integer from 0 to ${MAX_SLOW_DELAY_MS}`,
    };
  }
  if (mode !== 'slow') {
    return { ok: false, message: `delayMs only applies to mode "slow"` };
  }
  return { ok: true, mode, delayMs };
}
