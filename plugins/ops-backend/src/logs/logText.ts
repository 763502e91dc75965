/**
 * The words of a text as both full-text indexes see them: runs of letters and digits,
 * lower-cased. On Postgres the backend splits bodies into these words itself
 * ({@link pgTsvector}); SQLite's FTS5 unicode61 tokenizer splits on the same characters.
 * `"connection-refused"` gives `connection`, `refused`.
 */
export function textTokens(text: string): string[] {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).map(t => t.toLowerCase());
}

/** Postgres refuses lexemes longer than this many bytes ("word is too long"). */
const PG_MAX_LEXEME_BYTES = 2047;
/** Postgres keeps word positions up to this one (later words share it). */
const PG_MAX_POSITION = 16383;
/**
 * A tsvector holds at most 1 MB; the words of a body are indexed up to this many characters
 * of `tsvector` input (at most 3 bytes each), the rest of a huge body is stored, not indexed.
 */
const PG_MAX_TSVECTOR_CHARS = 300_000;

const fitsPostgres = (token: string) =>
  token.length * 3 <= PG_MAX_LEXEME_BYTES ||
  Buffer.byteLength(token, 'utf8') <= PG_MAX_LEXEME_BYTES;

/**
 * The words of a text Postgres can index: {@link textTokens} without those over its lexeme
 * limit (Postgres' own `to_tsvector` skips them too). Used for bodies and for queries alike,
 * so both see the same words.
 */
export function pgTokens(text: string): string[] {
  return textTokens(text).filter(fitsPostgres);
}

/**
 * The `tsvector` input of a body: each word quoted with its position (`'delivered':1
 * 'to':2 …`), so phrase queries work as with `to_tsvector`. Words hold only letters and
 * digits, so they need no escaping.
 */
export function pgTsvector(text: string): string {
  const tokens = pgTokens(text);
  let out = '';
  for (let i = 0; i < tokens.length; i++) {
    const position = i < PG_MAX_POSITION ? i + 1 : PG_MAX_POSITION;
    const word = `${i === 0 ? '' : ' '}'${tokens[i]}':${position}`;
    if (out.length + word.length > PG_MAX_TSVECTOR_CHARS) break;
    out += word;
  }
  return out;
}

/** The `tsquery` input matching these words next to each other, in order. */
export function pgPhraseQuery(tokens: string[]): string {
  return tokens.map(t => `'${t}'`).join(' <-> ');
}
