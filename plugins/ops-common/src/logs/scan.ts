// The scanner shared by the tokenizer and the parser: splits a query into raw terms
// with offsets, never throws, and leaves judging the terms to the parser.

import { LogQuerySpan } from './types';

/** A quoted or bare value as written. */
export interface RawValue extends LogQuerySpan {
  /** The value with quotes removed and escapes decoded. */
  text: string;
  quoted: boolean;
  /** A quoted value whose closing quote is missing. */
  unterminated: boolean;
}

/** One whitespace-separated term as written, before validation. */
export interface RawTerm extends LogQuerySpan {
  negation?: LogQuerySpan;
  /** The field name before the operator (`service`, `attr.region`, `foo`). */
  key?: LogQuerySpan & { text: string };
  op?: LogQuerySpan & { text: string };
  /** Absent for a dangling `-` and for an empty field value. */
  value?: RawValue;
  /** Characters right after a closing quote, up to the next whitespace. */
  trailing?: LogQuerySpan;
}

/** The whitespace that separates terms. */
export function isSpace(ch: string): boolean {
  return /\s/.test(ch);
}

const KEY_CHAR = /[A-Za-z0-9_.-]/;

function readQuoted(input: string, start: number): RawValue {
  let text = '';
  let i = start + 1;
  while (i < input.length) {
    const ch = input[i];
    if (ch === '"') {
      return { text, quoted: true, unterminated: false, start, end: i + 1 };
    }
    if (ch === '\\' && i + 1 < input.length) {
      const next = input[i + 1];
      text += next === '"' || next === '\\' ? next : ch + next;
      i += 2;
    } else {
      text += ch;
      i += 1;
    }
  }
  return { text, quoted: true, unterminated: true, start, end: input.length };
}

function readBare(input: string, start: number): RawValue {
  let i = start;
  while (i < input.length && !isSpace(input[i])) i += 1;
  return {
    text: input.slice(start, i),
    quoted: false,
    unterminated: false,
    start,
    end: i,
  };
}

function readValue(input: string, start: number): RawValue | undefined {
  if (start >= input.length || isSpace(input[start])) return undefined;
  return input[start] === '"'
    ? readQuoted(input, start)
    : readBare(input, start);
}

function readOperator(input: string, i: number): string | undefined {
  const ch = input[i];
  if (ch === ':' || ch === '=') return ch;
  if (ch === '>' || ch === '<') return input[i + 1] === '=' ? `${ch}=` : ch;
  return undefined;
}

function scanTerm(input: string, start: number): RawTerm {
  const term: RawTerm = { start, end: start };
  let i = start;
  if (input[i] === '-') {
    term.negation = { start: i, end: i + 1 };
    i += 1;
  }
  let keyEnd = i;
  while (keyEnd < input.length && KEY_CHAR.test(input[keyEnd])) keyEnd += 1;
  const op = keyEnd > i ? readOperator(input, keyEnd) : undefined;
  if (op !== undefined) {
    term.key = { text: input.slice(i, keyEnd), start: i, end: keyEnd };
    term.op = { text: op, start: keyEnd, end: keyEnd + op.length };
    i = keyEnd + op.length;
  }
  term.value = readValue(input, i);
  term.end = term.value ? term.value.end : i;
  if (term.value?.quoted && !term.value.unterminated) {
    const rest = readBare(input, term.end);
    if (rest.end > rest.start) {
      term.trailing = { start: rest.start, end: rest.end };
      term.end = rest.end;
    }
  }
  return term;
}

/** Splits a query into raw terms; whitespace is everything between them. */
export function scanLogQuery(input: string): RawTerm[] {
  const terms: RawTerm[] = [];
  let i = 0;
  while (i < input.length) {
    if (isSpace(input[i])) {
      i += 1;
    } else {
      const term = scanTerm(input, i);
      terms.push(term);
      i = Math.max(term.end, i + 1);
    }
  }
  return terms;
}
