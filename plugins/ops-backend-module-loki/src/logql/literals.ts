// Safe LogQL literals: every user-supplied value goes through these, never into the
// query text as is.

/** Replaces lone UTF-16 surrogates (which have no UTF-8 form) with U+FFFD. */
function wellFormed(value: string): string {
  return value.replace(
    /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    '\ufffd',
  );
}

/**
 * A LogQL double-quoted string literal (Go string syntax): backslash and quote are
 * escaped, control characters written as escapes, so no value can end the string.
 */
export function logQlString(value: string): string {
  let out = '"';
  for (const ch of wellFormed(value)) {
    switch (ch) {
      case '\\':
        out += '\\\\';
        break;
      case '"':
        out += '\\"';
        break;
      case '\n':
        out += '\\n';
        break;
      case '\r':
        out += '\\r';
        break;
      case '\t':
        out += '\\t';
        break;
      default: {
        const code = ch.codePointAt(0)!;
        out +=
          code < 0x20 || code === 0x7f
            ? `\\u${code.toString(16).padStart(4, '0')}`
            : ch;
      }
    }
  }
  return `${out}"`;
}

/** Escapes RE2 metacharacters (like Go's `regexp.QuoteMeta`): the value matches literally. */
export function regexLiteral(value: string): string {
  return value.replace(/[\\.+*?()|[\]{}^$]/g, c => `\\${c}`);
}

/** An RE2 pattern that matches no string, not even the empty one. */
export const MATCH_NOTHING = '[^\\s\\S]';

/**
 * A label name for an attribute key, the way Loki names OTLP attributes
 * (Prometheus label normalisation): characters other than `[A-Za-z0-9_]` become
 * `_`, and a leading digit gets a `key_` prefix. `http.method` → `http_method`.
 */
export function labelNameFor(key: string): string {
  const name = key.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[0-9]/.test(name) ? `key_${name}` : name;
}

/** Whether a configured label name is a valid LogQL label name. */
export function isLabelName(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name);
}
