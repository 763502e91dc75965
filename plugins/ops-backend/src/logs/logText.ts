/**
 * The words of a text as both full-text indexes see them: runs of letters and digits,
 * lower-cased (Postgres indexes the body with its punctuation replaced by spaces, SQLite's
 * FTS5 unicode61 tokenizer splits on the same characters). `"connection-refused"` gives
 * `connection`, `refused`.
 */
export function textTokens(text: string): string[] {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).map(t => t.toLowerCase());
}
