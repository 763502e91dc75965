// Writes a query back in its canonical form.

import { isSpace } from './scan';
import { LogQuery, LogQueryTerm } from './types';

function quote(value: string): string {
  return `"${value.replace(/[\\"]/g, c => `\\${c}`)}"`;
}

function hasSpace(value: string): boolean {
  for (const ch of value) if (isSpace(ch)) return true;
  return false;
}

function formatValue(value: string): string {
  return value === '' || hasSpace(value) || /["\\]/.test(value)
    ? quote(value)
    : value;
}

// After a negation's "-", a word may itself start with "-" (`--x` is "not -x").
function isBareWord(value: string, negated: boolean): boolean {
  return (
    value !== '' &&
    !hasSpace(value) &&
    !value.startsWith('"') &&
    (negated || !value.startsWith('-')) &&
    !/^[A-Za-z0-9_.-]+[:=<>]/.test(value)
  );
}

function formatTerm(term: LogQueryTerm): string {
  const neg = term.negated ? '-' : '';
  switch (term.kind) {
    case 'text':
      return (
        neg +
        (!term.phrase && isBareWord(term.value, term.negated)
          ? term.value
          : quote(term.value))
      );
    case 'field':
      return `${neg}${term.field}:${formatValue(term.value)}`;
    case 'attr':
      return `${neg}attr.${term.key}:${formatValue(term.value)}`;
    case 'level':
      return `${neg}level${term.op === '=' ? ':' : term.op}${term.level}`;
    default:
      return '';
  }
}

/**
 * Writes a query in canonical form: terms separated by one space, `level:` for
 * equality, values quoted only when needed. For a parsed query,
 * `parseLogQuery(formatLogQuery(q))` gives `q` back (offsets aside).
 * @public
 */
export function formatLogQuery(query: LogQuery): string {
  return query.terms
    .map(formatTerm)
    .filter(s => s !== '')
    .join(' ');
}
