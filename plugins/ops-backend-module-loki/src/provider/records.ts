// Loki stream entries as console log records, with ids that find them again.

import { InputError } from '@backstage/errors';
import { LogRecord } from '@opsconsole/backstage-plugin-ops-common';
import { createHash } from 'node:crypto';
import { LokiLabelNames } from '../logql/compileLogQl';
import { levelFromLoki } from '../logql/levels';
import { LokiStream } from './LokiClient';

/**
 * What orders an entry and names it: the service and tenant label values, the ns
 * timestamp, a hash of the entry's labels and line, and the entry's position among
 * identical entries of that instant.
 */
export interface LokiRecordKey {
  service?: string;
  tenant?: string;
  ns: bigint;
  hash: string;
  index: number;
}

/**
 * What a record id holds: a key, less the label values the id leaves out
 * because they are too long (see {@link encodeRecordId}).
 */
export interface LokiRecordRef extends LokiRecordKey {
  leftOut?: Array<'service' | 'tenant'>;
}

/** A record with the key its order and id come from. */
export interface LokiEntry {
  key: LokiRecordKey;
  record: LogRecord;
}

const LEVEL_FALLBACKS = ['level', 'detected_level', 'severity_text'];

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function fromBase64url(text: string): unknown {
  try {
    return JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

/**
 * The longest record id: the API takes ids up to 200 characters (in the path of
 * `GET /logs/records/{id}/context`).
 */
export const MAX_RECORD_ID_LENGTH = 200;

/**
 * The record id of a key: `l1.<base64url JSON [service, tenant, ns, hash, index]>`
 * when that fits in {@link MAX_RECORD_ID_LENGTH}; else (long label values)
 * `l2.<base64url JSON [ns, hash, index, service]>`, without the service too when
 * that is still too long: context then finds the entry by its instant. Ids use
 * only base64url characters and `.`, so they are safe in a path.
 */
export function encodeRecordId(key: LokiRecordKey): string {
  const service = key.service ?? null;
  const full = `l1.${base64url([
    service,
    key.tenant ?? null,
    key.ns.toString(),
    key.hash,
    key.index,
  ])}`;
  if (full.length <= MAX_RECORD_ID_LENGTH) return full;
  const position = [key.ns.toString(), key.hash, key.index];
  const withService = `l2.${base64url([...position, service])}`;
  if (withService.length <= MAX_RECORD_ID_LENGTH) return withService;
  return `l2.${base64url(position)}`;
}

const optionalString = (v: unknown) => v === null || typeof v === 'string';

function validPosition(ns: unknown, hash: unknown, index: unknown): boolean {
  return (
    typeof ns === 'string' &&
    /^\d{1,25}$/.test(ns) &&
    typeof hash === 'string' &&
    /^[0-9a-f]{16}$/.test(hash) &&
    Number.isSafeInteger(index) &&
    (index as number) >= 0
  );
}

/** What a record id holds; undefined when it is not an id of this provider. */
export function decodeRecordId(id: string): LokiRecordRef | undefined {
  if (typeof id !== 'string') return undefined;
  const parts = fromBase64url(id.slice(3));
  if (!Array.isArray(parts)) return undefined;
  if (id.startsWith('l1.') && parts.length === 5) {
    const [service, tenant, ns, hash, index] = parts;
    if (
      !optionalString(service) ||
      !optionalString(tenant) ||
      !validPosition(ns, hash, index)
    ) {
      return undefined;
    }
    return {
      service: service ?? undefined,
      tenant: tenant ?? undefined,
      ns: BigInt(ns),
      hash,
      index,
    };
  }
  if (id.startsWith('l2.') && (parts.length === 3 || parts.length === 4)) {
    const [ns, hash, index, service] = parts;
    if (
      !validPosition(ns, hash, index) ||
      (parts.length === 4 && !optionalString(service))
    ) {
      return undefined;
    }
    return {
      ...(parts.length === 4 && { service: service ?? undefined }),
      ns: BigInt(ns),
      hash,
      index,
      leftOut: parts.length === 4 ? ['tenant'] : ['service', 'tenant'],
    };
  }
  return undefined;
}

/** Orders keys oldest first; entries of one instant in a fixed order. */
export function compareKeys(a: LokiRecordKey, b: LokiRecordKey): number {
  if (a.ns !== b.ns) return a.ns < b.ns ? -1 : 1;
  if (a.hash !== b.hash) return a.hash < b.hash ? -1 : 1;
  return a.index - b.index;
}

function hashOf(labels: Record<string, string>, line: string): string {
  const sorted = Object.keys(labels)
    .sort()
    .map(k => [k, labels[k]]);
  return createHash('sha256')
    .update(JSON.stringify([sorted, line]))
    .digest('hex')
    .slice(0, 16);
}

/** Milliseconds → nanoseconds. */
export function msToNs(ms: number): bigint {
  return BigInt(Math.floor(ms)) * 1_000_000n;
}

/** The entries of a `streams` result as records, oldest first. */
export function streamsToEntries(
  streams: LokiStream[],
  labels: LokiLabelNames,
): LokiEntry[] {
  const entries: LokiEntry[] = [];
  const seen = new Map<string, number>();
  const mapped = new Set([
    labels.service,
    labels.tenant,
    labels.level,
    labels.trace,
    'span_id',
  ]);
  for (const { stream, values } of streams) {
    const service = stream[labels.service] || undefined;
    const tenant = stream[labels.tenant] || undefined;
    const levelLabel = [labels.level, ...LEVEL_FALLBACKS].find(l => stream[l]);
    const attributes: Record<string, string> = {};
    for (const [k, v] of Object.entries(stream)) {
      if (!mapped.has(k)) attributes[k] = v;
    }
    for (const [nsText, line] of values) {
      if (!/^\d{1,25}$/.test(nsText)) continue;
      const ns = BigInt(nsText);
      const hash = hashOf(stream, line);
      const same = `${nsText}/${hash}`;
      const index = seen.get(same) ?? 0;
      seen.set(same, index + 1);
      const key = { service, tenant, ns, hash, index };
      const record: LogRecord = {
        id: encodeRecordId(key),
        time: new Date(Number(ns / 1_000_000n)).toISOString(),
        level: levelFromLoki(levelLabel && stream[levelLabel]),
        service: service ?? 'unknown',
        body: line,
        attributes: { ...attributes },
      };
      if (tenant) record.tenantId = tenant;
      if (stream[labels.trace]) record.traceId = stream[labels.trace];
      if (stream.span_id) record.spanId = stream.span_id;
      entries.push({ key, record });
    }
  }
  return entries.sort((a, b) => compareKeys(a.key, b.key));
}

/** Which way pages go: newest first (search) or oldest first (tail). */
export type LokiDirection = 'backward' | 'forward';

/**
 * A place in the order of entries ({@link compareKeys}) for paging: just past
 * the entry `at` (its hash and index) of instant `ns`, or, without `at`, just
 * before every entry of that instant. `given` is how many entries of instant
 * `ns` were handed out already: only a hint of how many to ask Loki for, the
 * position alone is exact. A cursor of constant size, however many entries
 * share a nanosecond.
 */
export interface LokiPosition {
  ns: bigint;
  at?: { hash: string; index: number };
  given: number;
}

/** Whether an entry comes after a position, going `direction`. */
export function isPast(
  key: LokiRecordKey,
  position: LokiPosition,
  direction: LokiDirection,
): boolean {
  const order =
    key.ns !== position.ns || !position.at
      ? compareNs(key.ns, position.ns)
      : compareKeys(key, { ns: position.ns, ...position.at });
  if (order === 0) return !position.at;
  return direction === 'backward' ? order < 0 : order > 0;
}

function compareNs(a: bigint, b: bigint): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** The position just past the last of `entries` (all past `previous`). */
export function positionAfter(
  entries: LokiEntry[],
  previous?: LokiPosition,
): LokiPosition {
  const { key } = entries[entries.length - 1];
  const sameInstant = entries.filter(e => e.key.ns === key.ns).length;
  return {
    ns: key.ns,
    at: { hash: key.hash, index: key.index },
    given: sameInstant + (previous?.ns === key.ns ? previous.given : 0),
  };
}

/** The most `given` a cursor may claim: it only sizes a request. */
const MAX_GIVEN = 1000;

/** `c1.<ns>` or `c1.<ns>.<hash>.<index>.<given>`. */
export function encodeCursor(position: LokiPosition): string {
  const { ns, at } = position;
  if (!at) return `c1.${ns}`;
  const given = Math.min(position.given, MAX_GIVEN);
  return `c1.${ns}.${at.hash}.${at.index}.${given}`;
}

/**
 * Reads a cursor: one of {@link encodeCursor}, or a record id of this provider
 * (paging continues past that record, as the LogProvider contract asks), or a
 * cursor of the earlier format (base64url JSON `{t, s}`: an instant and the ids
 * given at it). An InputError (400) when it is none of them.
 */
export function decodeCursor(
  text: string,
  direction: LokiDirection,
): LokiPosition {
  const match =
    /^c1\.(\d{1,25})(?:\.([0-9a-f]{16})\.(\d{1,15})\.(\d{1,15}))?$/.exec(text);
  if (match) {
    const [, ns, hash, index, given] = match;
    return {
      ns: BigInt(ns),
      ...(hash && { at: { hash, index: Number(index) } }),
      given: Math.min(Number(given ?? 0), MAX_GIVEN),
    };
  }
  const ref = decodeRecordId(text);
  if (ref) {
    return { ns: ref.ns, at: { hash: ref.hash, index: ref.index }, given: 1 };
  }
  const legacy = fromBase64url(text) as
    | { t?: unknown; s?: unknown }
    | undefined;
  if (
    typeof legacy?.t === 'string' &&
    /^\d{1,25}$/.test(legacy.t) &&
    Array.isArray(legacy.s) &&
    legacy.s.every(s => typeof s === 'string')
  ) {
    const ns = BigInt(legacy.t);
    // the ids given at the instant: the position is past the last of them
    const keys = (legacy.s as string[])
      .map(decodeRecordId)
      .filter((k): k is LokiRecordRef => k?.ns === ns)
      .sort(compareKeys);
    const last = direction === 'backward' ? keys[0] : keys[keys.length - 1];
    return {
      ns,
      ...(last && { at: { hash: last.hash, index: last.index } }),
      given: Math.min(keys.length, MAX_GIVEN),
    };
  }
  throw new InputError('invalid Loki log cursor');
}
