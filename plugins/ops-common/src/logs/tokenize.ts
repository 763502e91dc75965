// Tokens with offsets for syntax highlighting of a query bar.

import { scanLogQuery } from './scan';
import { LogQueryToken, LogQueryTokenKind } from './types';

/**
 * Splits a query into tokens for syntax highlighting. The tokens cover the input
 * without gaps (whitespace is a token too), so joining their text gives the input
 * back. Never throws; invalid queries still tokenize (see {@link parseLogQuery} for
 * what is wrong with them).
 * @public
 */
export function tokenizeLogQuery(input: string): LogQueryToken[] {
  const tokens: LogQueryToken[] = [];
  let pos = 0;
  const push = (kind: LogQueryTokenKind, start: number, end: number) => {
    if (start > pos) {
      tokens.push({
        kind: 'whitespace',
        start: pos,
        end: start,
        text: input.slice(pos, start),
      });
    }
    if (end > start) {
      tokens.push({ kind, start, end, text: input.slice(start, end) });
    }
    pos = Math.max(pos, end);
  };
  for (const term of scanLogQuery(input)) {
    if (term.negation) push('negation', term.negation.start, term.negation.end);
    if (term.key) push('field', term.key.start, term.key.end);
    if (term.op) push('operator', term.op.start, term.op.end);
    if (term.value) {
      let kind: LogQueryTokenKind = 'text';
      if (term.key) kind = 'value';
      else if (term.value.quoted) kind = 'phrase';
      push(kind, term.value.start, term.value.end);
    }
    if (term.trailing) push('invalid', term.trailing.start, term.trailing.end);
  }
  push('whitespace', input.length, input.length);
  return tokens;
}
