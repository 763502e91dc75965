import { InputError } from '@backstage/errors';

/** A position in the store's total order of records: (time, id), newest first. */
export interface StorePosition {
  timeMs: number;
  id: number;
}

/**
 * The store's record ids are `<timeMs>-<rowId>`: stable, and at the same time the record's
 * position, so any record id can serve as a search cursor (as the LogProvider contract asks).
 */
export function storeRecordId(position: StorePosition): string {
  return `${position.timeMs}-${position.id}`;
}

/** Reads a store record id; undefined when it is not one (e.g. another source's id). */
export function parseStoreRecordId(value: string): StorePosition | undefined {
  const match = /^(\d{1,16})-(\d{1,16})$/.exec(value);
  if (!match) return undefined;
  const position = { timeMs: Number(match[1]), id: Number(match[2]) };
  return Number.isSafeInteger(position.timeMs) &&
    Number.isSafeInteger(position.id)
    ? position
    : undefined;
}

/** A search cursor of the store (a record id); 400 when malformed. */
export function readStoreCursor(cursor: string): StorePosition {
  const position = parseStoreRecordId(cursor);
  if (!position) throw new InputError(`Invalid log cursor "${cursor}"`);
  return position;
}

/** A tail cursor of the store: the highest row id seen. */
export function readTailCursor(cursor: string): number {
  const id = /^\d{1,16}$/.test(cursor) ? Number(cursor) : NaN;
  if (!Number.isSafeInteger(id)) {
    throw new InputError(`Invalid log tail cursor "${cursor}"`);
  }
  return id;
}

/** Cursors of several sources in one opaque string: source id → cursor, null when exhausted. */
export type SourceCursors = Record<string, string | null>;

export function encodeSourceCursors(cursors: SourceCursors): string {
  return Buffer.from(JSON.stringify(cursors)).toString('base64url');
}

export function decodeSourceCursors(value: string | undefined): SourceCursors {
  if (value === undefined || value === '') return {};
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (
      parsed &&
      typeof parsed === 'object' &&
      !Array.isArray(parsed) &&
      Object.values(parsed).every(v => v === null || typeof v === 'string')
    ) {
      return parsed as SourceCursors;
    }
  } catch {
    // fall through
  }
  throw new InputError(`Invalid log cursor "${value}"`);
}
