// OTLP/JSON AnyValue and KeyValue lists (opentelemetry/proto/common/v1/common.proto).

type Json = unknown;

const isObject = (v: Json): v is Record<string, Json> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** An AnyValue as plain JSON data (strings, numbers, booleans, arrays, objects). */
export function anyValueToJs(value: Json, depth = 0): Json {
  if (!isObject(value) || depth > 16) return undefined;
  if (typeof value.stringValue === 'string') return value.stringValue;
  if (typeof value.boolValue === 'boolean') return value.boolValue;
  if (value.intValue !== undefined) {
    const n = value.intValue;
    return typeof n === 'number' || typeof n === 'string'
      ? String(n)
      : undefined;
  }
  if (typeof value.doubleValue === 'number') return value.doubleValue;
  if (typeof value.bytesValue === 'string') return value.bytesValue;
  if (isObject(value.arrayValue)) {
    const values = value.arrayValue.values;
    return Array.isArray(values)
      ? values.map(v => anyValueToJs(v, depth + 1) ?? null)
      : [];
  }
  if (isObject(value.kvlistValue)) {
    const out: Record<string, Json> = {};
    const values = value.kvlistValue.values;
    if (Array.isArray(values)) {
      for (const kv of values) {
        if (isObject(kv) && typeof kv.key === 'string') {
          out[kv.key] = anyValueToJs(kv.value, depth + 1) ?? null;
        }
      }
    }
    return out;
  }
  return undefined;
}

/** A log body as text: strings as they are, anything else as JSON. */
export function anyValueToText(value: Json): string {
  const js = anyValueToJs(value);
  if (js === undefined || js === null) return '';
  return typeof js === 'string' ? js : JSON.stringify(js);
}

/** Limits of flattened attributes. */
export interface AttributeLimits {
  maxKeys: number;
  maxValueChars: number;
}

/**
 * Puts a JSON value into flat string attributes: nested objects become dotted keys (up to
 * 4 deep), everything else text (arrays as JSON). Null and undefined are skipped; keys past
 * `limits.maxKeys` too.
 */
export function putFlatAttribute(
  target: Record<string, string>,
  key: string,
  value: Json,
  limits: AttributeLimits,
  depth = 0,
) {
  if (key.length > 256) return;
  if (
    !Object.prototype.hasOwnProperty.call(target, key) &&
    Object.keys(target).length >= limits.maxKeys
  ) {
    return;
  }
  if (value === undefined || value === null) return;
  if (isObject(value) && depth < 4) {
    for (const [k, v] of Object.entries(value)) {
      putFlatAttribute(target, `${key}.${k}`, v, limits, depth + 1);
    }
    return;
  }
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  if (text === undefined) return; // functions, symbols
  target[key] = text.slice(0, limits.maxValueChars);
}

/**
 * Adds a KeyValue list to flat string attributes (see {@link putFlatAttribute}).
 * Entries that are not `{ key, value }` are skipped.
 */
export function addAttributes(
  target: Record<string, string>,
  list: Json,
  limits: AttributeLimits,
) {
  if (!Array.isArray(list)) return;
  for (const kv of list) {
    if (isObject(kv) && typeof kv.key === 'string' && kv.key !== '') {
      putFlatAttribute(target, kv.key, anyValueToJs(kv.value), limits);
    }
  }
}
