import { maskAddressesInText } from '../../pii/emailAddresses';
import { maskName } from '../../pii/masking';

/** How one queue's job payloads are redacted. */
export interface RedactionRules {
  /** Strings longer than this are cut (after masking), with a marker giving the original length. */
  maxBodyChars: number;
  /**
   * Fields replaced by `[removed]`: dotted paths from the payload's root, matched without
   * regard to case; `*` matches any one key; arrays are transparent (`attachments.content`
   * is the content of every attachment).
   */
  removeFields: string[];
}

/** Bounds that keep a hostile or huge payload from exhausting the server. */
export const REDACTION_LIMITS = {
  maxDepth: 24,
  maxNodes: 5_000,
  maxArrayItems: 100,
  maxKeys: 200,
};

export const REMOVED = '[removed]';
export const CIRCULAR = '[circular]';

const PERSON_NAME_KEY =
  /^(name|display_?name|full_?name|first_?name|last_?name|given_?name|family_?name)$/i;
const ADDRESS_KEY = /^(address|e-?mail|email_?address|mail)$/i;
/** Where a long string may be cut before masking without splitting an address. */
const TOKEN_END = /[\s<>,;"'()[\]]/gu;

function cutAt(text: string, max: number): string {
  let end = Math.min(max, text.length);
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1; // don't split a surrogate pair
  return text.slice(0, end);
}

/**
 * Masks the addresses of a string and cuts it to `maxBodyChars`. A string far longer than
 * that is first cut at a token boundary (never inside an address) so masking stays cheap.
 */
export function redactString(text: string, maxBodyChars: number): string {
  const rawLimit = maxBodyChars * 8 + 1024;
  let head = text;
  if (text.length > rawLimit) {
    head = text.slice(0, rawLimit);
    let lastBoundary = -1;
    for (const m of head.matchAll(TOKEN_END)) lastBoundary = m.index ?? -1;
    head = head.slice(0, lastBoundary + 1);
  }
  const masked = maskAddressesInText(head);
  if (masked.length <= maxBodyChars && head.length === text.length) {
    return masked;
  }
  return `${cutAt(masked, maxBodyChars)}… [truncated, ${text.length} chars]`;
}

class Redactor {
  private nodes = 0;
  private readonly ancestors = new Set<object>();
  private readonly rules: string[][];

  constructor(private readonly options: RedactionRules) {
    this.rules = options.removeFields
      .map(f => f.trim().toLocaleLowerCase('en-US'))
      .filter(f => f.length > 0)
      .map(f => f.split('.'));
  }

  private removed(path: string[]): boolean {
    return this.rules.some(
      rule =>
        rule.length === path.length &&
        rule.every((segment, i) => segment === '*' || segment === path[i]),
    );
  }

  private text(value: string): string {
    return redactString(value, this.options.maxBodyChars);
  }

  redact(value: unknown, path: string[], depth: number): unknown {
    if (typeof value === 'string') return this.text(value);
    if (typeof value === 'bigint') return value.toString();
    if (
      value === null ||
      typeof value === 'number' ||
      typeof value === 'boolean'
    ) {
      return value;
    }
    if (typeof value !== 'object') return undefined; // functions, symbols, undefined
    if (this.ancestors.has(value)) return CIRCULAR;
    this.nodes += 1;
    if (depth >= REDACTION_LIMITS.maxDepth) return '[truncated: too deep]';
    if (this.nodes > REDACTION_LIMITS.maxNodes) return '[truncated: too large]';
    if (value instanceof Date) {
      return Number.isNaN(value.getTime()) ? null : value.toISOString();
    }
    if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) {
      return `[binary, ${value.byteLength} bytes]`;
    }
    this.ancestors.add(value);
    try {
      return Array.isArray(value)
        ? this.array(value, path, depth)
        : this.object(value, path, depth);
    } finally {
      this.ancestors.delete(value);
    }
  }

  private array(value: unknown[], path: string[], depth: number): unknown[] {
    const items = value
      .slice(0, REDACTION_LIMITS.maxArrayItems)
      .map(item => this.redact(item, path, depth + 1))
      .map(item => (item === undefined ? null : item));
    if (value.length > REDACTION_LIMITS.maxArrayItems) {
      items.push(
        `[… ${value.length - REDACTION_LIMITS.maxArrayItems} more items]`,
      );
    }
    return items;
  }

  private object(value: object, path: string[], depth: number) {
    const out: Record<string, unknown> = {};
    const keys = Object.keys(value);
    const isPerson = keys.some(
      k => ADDRESS_KEY.test(k) && this.holdsAddress(value, k),
    );
    for (const key of keys.slice(0, REDACTION_LIMITS.maxKeys)) {
      const keyPath = [...path, key.toLocaleLowerCase('en-US')];
      let field: unknown;
      if (this.removed(keyPath)) {
        field = REMOVED;
      } else {
        let raw: unknown;
        try {
          raw = (value as Record<string, unknown>)[key];
        } catch {
          raw = '[unreadable]';
        }
        field =
          isPerson && PERSON_NAME_KEY.test(key) && typeof raw === 'string'
            ? maskName(raw)
            : this.redact(raw, keyPath, depth + 1);
      }
      if (field === undefined) continue;
      let outKey = this.text(key);
      for (let n = 2; outKey in out; n++) outKey = `${this.text(key)} (${n})`;
      out[outKey] = field;
    }
    if (keys.length > REDACTION_LIMITS.maxKeys) {
      out['…'] = `[${keys.length - REDACTION_LIMITS.maxKeys} more fields]`;
    }
    return out;
  }

  private holdsAddress(value: object, key: string): boolean {
    try {
      const v = (value as Record<string, unknown>)[key];
      return typeof v === 'string' && v !== maskAddressesInText(v);
    } catch {
      return false;
    }
  }
}

/**
 * A redacted copy of a job payload (the input is never changed): every email address masked
 * wherever it appears (values, keys, headers, text and HTML bodies, nested objects and
 * arrays), display names of people next to an address masked, strings cut to
 * `maxBodyChars`, `removeFields` replaced by `[removed]`. Cycles, depth, size and exotic
 * values (dates, binary, throwing getters) are bounded or turned into markers, so any
 * payload yields a JSON-safe answer.
 */
export function redactPayload(data: unknown, rules: RedactionRules): unknown {
  const result = new Redactor(rules).redact(data, [], 0);
  return result === undefined ? null : result;
}
