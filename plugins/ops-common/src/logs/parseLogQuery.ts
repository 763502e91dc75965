// Parses the log query language into a typed syntax tree, reporting every problem
// with its offsets instead of throwing.

import { LOG_LEVELS, parseLogLevel } from './levels';
import { RawTerm, scanLogQuery } from './scan';
import {
  LogQueryError,
  LogQueryLevelOp,
  LogQueryParseResult,
  LogQueryTerm,
} from './types';

/** The longest query accepted, in characters. @public */
export const LOG_QUERY_MAX_LENGTH = 2000;

const LEVEL_LIST = `${LOG_LEVELS.slice(0, -1).join(', ')} or ${
  LOG_LEVELS[LOG_LEVELS.length - 1]
}`;
const FIELDS = ['service', 'tenant', 'trace'] as const;
const ATTR_PREFIX = 'attr.';

function describeValue(text: string): string {
  return /^[^\s"\\]+$/.test(text)
    ? text
    : `"${text.replace(/[\\"]/g, c => `\\${c}`)}"`;
}

type TermResult = LogQueryTerm | LogQueryError;

function parseTerm(raw: RawTerm, input: string): TermResult {
  const negated = raw.negation !== undefined;
  const { start, end, key, op, value } = raw;
  const err = (message: string, s: number, e: number): LogQueryError => ({
    message,
    start: s,
    end: e,
  });

  if (value?.unterminated) {
    return err(
      'unterminated quote: add a closing " (write \\" for a quote inside quotes)',
      value.start,
      value.end,
    );
  }
  if (raw.trailing) {
    return err(
      'expected a space after the closing quote',
      raw.trailing.start,
      raw.trailing.end,
    );
  }

  if (!key || !op) {
    if (!value) {
      return err(
        '"-" must be followed by a term, e.g. -healthcheck or -service:mailer',
        start,
        end,
      );
    }
    if (value.quoted && value.text === '') {
      return err(
        'empty phrase: put text between the quotes or remove them',
        value.start,
        value.end,
      );
    }
    return {
      kind: 'text',
      value: value.text,
      phrase: value.quoted,
      negated,
      start,
      end,
    };
  }

  const name = key.text.toLowerCase();
  const written = input.slice(key.start, op.end);
  const isAttr = name.startsWith(ATTR_PREFIX);
  const isLevel = name === 'level';
  const field = FIELDS.find(f => f === name);

  if (!isAttr && !isLevel && !field) {
    const hint =
      name === 'attr'
        ? `attr needs a key: write attr.<key>:${
            value ? describeValue(value.text) : 'value'
          }`
        : `use service, tenant, trace, level or attr.<key> (did you mean attr.${
            key.text
          }:${value ? describeValue(value.text) : 'value'}?)`;
    return err(`unknown field "${key.text}": ${hint}`, start, end);
  }
  if (isAttr && name.length === ATTR_PREFIX.length) {
    return err(
      'attr needs a key: write attr.<key>:value, e.g. attr.region:eu',
      key.start,
      key.end,
    );
  }
  if (!isLevel && op.text !== ':') {
    const example = isAttr ? `${key.text}:value` : `${name}:value`;
    return err(
      `"${op.text}" only works with level: write ${example}`,
      op.start,
      op.end,
    );
  }
  if (!value || (value.quoted && value.text === '')) {
    const example = isLevel ? 'level>=warn' : `${written}value`;
    return err(
      `${written} needs a value, e.g. ${example}`,
      start,
      value ? value.end : op.end,
    );
  }

  if (isLevel) {
    const level = parseLogLevel(value.text);
    if (!level) {
      return err(
        `unknown level "${value.text}": use ${LEVEL_LIST}`,
        value.start,
        value.end,
      );
    }
    const levelOp = (op.text === ':' ? '=' : op.text) as LogQueryLevelOp;
    return { kind: 'level', op: levelOp, level, negated, start, end };
  }
  if (isAttr) {
    return {
      kind: 'attr',
      key: key.text.slice(ATTR_PREFIX.length),
      value: value.text,
      negated,
      start,
      end,
    };
  }
  return {
    kind: 'field',
    field: field!,
    value: value.text,
    negated,
    start,
    end,
  };
}

/**
 * Parses a log query such as
 * `level>=warn service:mailer tenant:acme "connection refused" -healthcheck trace:<id> attr.key:value`.
 * Terms are separated by whitespace and ANDed; `-` negates a term. Never throws:
 * problems come back as errors with character offsets, each saying what is wrong
 * and what is allowed.
 * @public
 */
export function parseLogQuery(input: string): LogQueryParseResult {
  if (typeof input !== 'string') {
    return {
      ok: false,
      errors: [{ message: 'the query must be a string', start: 0, end: 0 }],
    };
  }
  if (input.length > LOG_QUERY_MAX_LENGTH) {
    return {
      ok: false,
      errors: [
        {
          message: `query is too long: ${input.length} characters, at most ${LOG_QUERY_MAX_LENGTH} are allowed`,
          start: LOG_QUERY_MAX_LENGTH,
          end: input.length,
        },
      ],
    };
  }
  const terms: LogQueryTerm[] = [];
  const errors: LogQueryError[] = [];
  for (const raw of scanLogQuery(input)) {
    const result = parseTerm(raw, input);
    if ('message' in result) errors.push(result);
    else terms.push(result);
  }
  return errors.length > 0
    ? { ok: false, errors }
    : { ok: true, query: { terms } };
}
