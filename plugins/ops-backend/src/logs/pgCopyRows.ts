import { logLevelRank } from '@opsconsole/backstage-plugin-ops-common';
import { NewLogRecord } from './LogStore';
import { pgTsvector } from './logText';

/** The columns {@link pgCopyRows} writes, in order. */
export const PG_COPY_COLUMNS = [
  'time_ms',
  'level',
  'service',
  'tenant_id',
  'trace_id',
  'span_id',
  'body',
  'attributes',
  'body_tsv',
] as const;

// eslint-disable-next-line no-control-regex -- NUL is what it looks for
const SPECIAL = /[\\\t\n\r\u0000]/;
// eslint-disable-next-line no-control-regex -- as above
const SPECIALS = /[\\\t\n\r\u0000]/g;
const ESCAPED: Record<string, string> = {
  '\\': '\\\\',
  '\t': '\\t',
  '\n': '\\n',
  '\r': '\\r',
  // Postgres text cannot hold NUL; it becomes the replacement character
  '\u0000': '\uFFFD',
};

/** One field of COPY's text format; `\N` is NULL. */
function field(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'number') return String(value);
  return SPECIAL.test(value) ? value.replace(SPECIALS, c => ESCAPED[c]) : value;
}

// eslint-disable-next-line no-control-regex -- as above
const NUL = /\u0000/g;
/** A UTF-16 surrogate without its partner (JSON can carry one: `"\ud800"`). */
const LONE_SURROGATE =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** What JSON.stringify writes for either (pairs it writes as they are). */
const ESCAPED_NUL_OR_SURROGATE = /\\u(0000|d[89a-f])/i;

const storable = (text: string) =>
  text.replace(NUL, '\uFFFD').replace(LONE_SURROGATE, '\uFFFD');

/**
 * jsonb refuses the NUL character and lone surrogates (`\u0000`, `\ud800`) in keys and
 * values alike; they become U+FFFD.
 */
function attributesJson(attributes: Record<string, string>): string {
  const json = JSON.stringify(attributes);
  if (!ESCAPED_NUL_OR_SURROGATE.test(json)) return json;
  return JSON.stringify(
    Object.fromEntries(
      Object.entries(attributes).map(([k, v]) => [
        storable(k),
        storable(String(v)),
      ]),
    ),
  );
}

function copyLine(r: NewLogRecord): string {
  return [
    field(Math.floor(r.timeMs)),
    field(logLevelRank(r.level)),
    field(r.service),
    field(r.tenantId),
    field(r.traceId),
    field(r.spanId),
    field(r.body),
    field(attributesJson(r.attributes)),
    field(pgTsvector(r.body)),
  ].join('\t');
}

/**
 * Records as the text of `COPY ops_log_records (PG_COPY_COLUMNS) FROM STDIN` (text format:
 * tab-separated, one line per record, backslash escapes), with each body's words as a
 * `tsvector` (see `logText.ts`), in pieces of `rowsPerChunk` records: a stream encodes the
 * next piece while Postgres reads the last one.
 */
export function* pgCopyRows(
  records: NewLogRecord[],
  rowsPerChunk = 250,
): Generator<string> {
  for (let start = 0; start < records.length; start += rowsPerChunk) {
    let chunk = '';
    const end = Math.min(records.length, start + rowsPerChunk);
    for (let i = start; i < end; i++) chunk += `${copyLine(records[i])}\n`;
    yield chunk;
  }
}
