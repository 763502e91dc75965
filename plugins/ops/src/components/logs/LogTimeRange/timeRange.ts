// The time window of the log viewer: a relative range ending now (15m … 7d)
// or an absolute from/to, read from and written to the URL's search params.

/** The relative ranges offered, shortest first. */
export const RELATIVE_LOG_RANGES = ['15m', '1h', '6h', '24h', '7d'] as const;

/** A range ending now. */
export type RelativeLogRange = (typeof RELATIVE_LOG_RANGES)[number];

/** The time window of a log query. */
export type LogTimeRangeValue =
  | { kind: 'relative'; range: RelativeLogRange }
  | { kind: 'absolute'; from: string; to: string };

/** An ISO window, as the logs endpoints take it. */
export interface ResolvedTimeRange {
  from: string;
  to: string;
}

export const DEFAULT_LOG_TIME_RANGE: LogTimeRangeValue = {
  kind: 'relative',
  range: '1h',
};

const MINUTE = 60_000;
const RANGE_MS: Record<RelativeLogRange, number> = {
  '15m': 15 * MINUTE,
  '1h': 60 * MINUTE,
  '6h': 6 * 60 * MINUTE,
  '24h': 24 * 60 * MINUTE,
  '7d': 7 * 24 * 60 * MINUTE,
};

/** The smallest window a zoom may select. */
export const MIN_ZOOM_MS = 1000;

function isRelativeRange(value: string | null): value is RelativeLogRange {
  return (RELATIVE_LOG_RANGES as readonly (string | null)[]).includes(value);
}

function parseMillis(iso: string | null): number | undefined {
  if (!iso) {
    return undefined;
  }
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : undefined;
}

/** The ISO window of a range; a relative one ends at `now`. */
export function resolveTimeRange(
  value: LogTimeRangeValue,
  now: number = Date.now(),
): ResolvedTimeRange {
  if (value.kind === 'absolute') {
    return { from: value.from, to: value.to };
  }
  return {
    from: new Date(now - RANGE_MS[value.range]).toISOString(),
    to: new Date(now).toISOString(),
  };
}

/** Length of a window in milliseconds. */
export function timeRangeSpanMs(value: LogTimeRangeValue): number {
  if (value.kind === 'relative') {
    return RANGE_MS[value.range];
  }
  return Date.parse(value.to) - Date.parse(value.from);
}

/** An absolute range from two instants in either order; undefined when they are not a window. */
export function absoluteRange(
  aMs: number,
  bMs: number,
): LogTimeRangeValue | undefined {
  if (!Number.isFinite(aMs) || !Number.isFinite(bMs) || aMs === bMs) {
    return undefined;
  }
  return {
    kind: 'absolute',
    from: new Date(Math.min(aMs, bMs)).toISOString(),
    to: new Date(Math.max(aMs, bMs)).toISOString(),
  };
}

/**
 * The absolute range a drag over the histogram selects: from the start of the
 * first bucket touched to the end of the last one, whichever way the drag went.
 * A click on one bucket zooms to that bucket.
 */
export function zoomRange(
  startBucketMs: number,
  endBucketMs: number,
  bucketSeconds: number,
): LogTimeRangeValue | undefined {
  const first = Math.min(startBucketMs, endBucketMs);
  const last = Math.max(startBucketMs, endBucketMs);
  const end = last + Math.max(bucketSeconds * 1000, MIN_ZOOM_MS);
  return absoluteRange(first, end);
}

/**
 * The range in the search params: `from` + `to` (ISO, from before to) win over
 * `range` (one of {@link RELATIVE_LOG_RANGES}); anything else is the default.
 */
export function readTimeRange(params: URLSearchParams): LogTimeRangeValue {
  const from = parseMillis(params.get('from'));
  const to = parseMillis(params.get('to'));
  if (from !== undefined && to !== undefined && from < to) {
    return absoluteRange(from, to)!;
  }
  const range = params.get('range');
  return isRelativeRange(range)
    ? { kind: 'relative', range }
    : DEFAULT_LOG_TIME_RANGE;
}

/** Writes a range into search params (in place), clearing the other kind's. */
export function writeTimeRange(
  params: URLSearchParams,
  value: LogTimeRangeValue,
): URLSearchParams {
  if (value.kind === 'relative') {
    params.set('range', value.range);
    params.delete('from');
    params.delete('to');
  } else {
    params.delete('range');
    params.set('from', value.from);
    params.set('to', value.to);
  }
  return params;
}

/** Whether two ranges are the same. */
export function sameTimeRange(
  a: LogTimeRangeValue,
  b: LogTimeRangeValue,
): boolean {
  if (a.kind === 'relative' && b.kind === 'relative') {
    return a.range === b.range;
  }
  if (a.kind === 'absolute' && b.kind === 'absolute') {
    return a.from === b.from && a.to === b.to;
  }
  return false;
}
