// Loki stream entries as console log records, with ids that find them again.

import { InputError } from '@backstage/errors';
import { LogRecord } from '@opsconsole/backstage-plugin-ops-common';
import { createHash } from 'node:crypto';
import { LokiLabelNames } from '../logql/compileLogQl';
import { levelFromLoki } from '../logql/levels';
import { LokiStream } from './LokiClient';

/**
 * What a record id holds: the service and tenant label values (to query the same
 * service stream again), the ns timestamp, a hash of the entry's labels and line,
 * and the entry's position among identical entries of that instant.
 */
export interface LokiRecordKey {
  service?: string;
  tenant?: string;
  ns: bigint;
  hash: string;
  index: number;
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

/** The record id of a key: `l1.<base64url JSON>`. */
export function encodeRecordId(key: LokiRecordKey): string {
  return `l1.${base64url([
    key.service ?? null,
    key.tenant ?? null,
    key.ns.toString(),
    key.hash,
    key.index,
  ])}`;
}

const optionalString = (v: unknown) => v === null || typeof v === 'string';

/** The key of a record id; undefined when it is not an id of this provider. */
export function decodeRecordId(id: string): LokiRecordKey | undefined {
  if (typeof id !== 'string' || !id.startsWith('l1.')) return undefined;
  const parts = fromBase64url(id.slice(3));
  if (!Array.isArray(parts) || parts.length !== 5) return undefined;
  const [service, tenant, ns, hash, index] = parts;
  if (
    !optionalString(service) ||
    !optionalString(tenant) ||
    typeof ns !== 'string' ||
    !/^\d{1,25}$/.test(ns) ||
    typeof hash !== 'string' ||
    !/^[0-9a-f]{16}$/.test(hash) ||
    !Number.isSafeInteger(index) ||
    index < 0
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

/**
 * A position in time for paging: the ns timestamp reached and the ids already
 * given at exactly that instant (Loki's start/end are inclusive/exclusive in ns,
 * so the next request includes the instant again and drops those).
 */
export interface LokiCursor {
  ns: bigint;
  seen: string[];
}

/** The cursor after some entries (all at or beyond `previous`). */
export function cursorAfter(
  entries: LokiEntry[],
  ns: bigint,
  previous?: LokiCursor,
): LokiCursor {
  const seen = entries.filter(e => e.key.ns === ns).map(e => e.record.id);
  return {
    ns,
    seen: previous?.ns === ns ? [...previous.seen, ...seen] : seen,
  };
}

export function encodeCursor(cursor: LokiCursor): string {
  return base64url({ t: cursor.ns.toString(), s: cursor.seen });
}

/** Reads a cursor; an InputError (400) when it is not one. */
export function decodeCursor(text: string): LokiCursor {
  const value = fromBase64url(text) as { t?: unknown; s?: unknown } | undefined;
  if (
    typeof value?.t !== 'string' ||
    !/^\d{1,25}$/.test(value.t) ||
    !Array.isArray(value.s) ||
    !value.s.every(s => typeof s === 'string')
  ) {
    throw new InputError('invalid Loki log cursor');
  }
  return { ns: BigInt(value.t), seen: value.s as string[] };
}
