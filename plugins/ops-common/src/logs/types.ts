// The typed syntax tree, errors and tokens of the log query language
// (`level>=warn service:mailer "connection refused" -healthcheck attr.key:value`).

import { LogLevel } from './levels';

/** Character offsets into the query string (UTF-16 code units, end exclusive). @public */
export interface LogQuerySpan {
  start: number;
  end: number;
}

/** A free-text word (`healthcheck`) or quoted phrase (`"connection refused"`). @public */
export interface LogQueryTextTerm extends LogQuerySpan {
  kind: 'text';
  value: string;
  phrase: boolean;
  negated: boolean;
}

/** The fields that can be filtered by name. @public */
export type LogQueryFieldName = 'service' | 'tenant' | 'trace';

/** `service:mailer`, `tenant:acme`, `trace:<id>`. @public */
export interface LogQueryFieldTerm extends LogQuerySpan {
  kind: 'field';
  field: LogQueryFieldName;
  value: string;
  negated: boolean;
}

/** `attr.<key>:value`, key matching `[A-Za-z0-9_.-]+`. @public */
export interface LogQueryAttrTerm extends LogQuerySpan {
  kind: 'attr';
  key: string;
  value: string;
  negated: boolean;
}

/** Level comparison operators; `level:warn` is `=`. @public */
export type LogQueryLevelOp = '=' | '>=' | '>' | '<=' | '<';

/** `level>=warn`, `level:error`. @public */
export interface LogQueryLevelTerm extends LogQuerySpan {
  kind: 'level';
  op: LogQueryLevelOp;
  level: LogLevel;
  negated: boolean;
}

/** One term of a query; terms are ANDed. @public */
export type LogQueryTerm =
  | LogQueryTextTerm
  | LogQueryFieldTerm
  | LogQueryAttrTerm
  | LogQueryLevelTerm;

/** A parsed query: every term must match. An empty list matches everything. @public */
export interface LogQuery {
  terms: LogQueryTerm[];
}

/** What is wrong with a query and where, for inline highlighting. @public */
export interface LogQueryError extends LogQuerySpan {
  message: string;
}

/** The answer of {@link parseLogQuery}. @public */
export type LogQueryParseResult =
  | { ok: true; query: LogQuery }
  | { ok: false; errors: LogQueryError[] };

/**
 * Token kinds for syntax highlighting: `negation` is the `-` prefix, `field` a field
 * name (`service`, `attr.region`), `operator` one of `: = >= > <= <`, `value` a field
 * value, `text` a free word, `phrase` a quoted phrase, `invalid` text after a closing
 * quote that should have been followed by a space.
 * @public
 */
export type LogQueryTokenKind =
  | 'whitespace'
  | 'negation'
  | 'field'
  | 'operator'
  | 'value'
  | 'text'
  | 'phrase'
  | 'invalid';

/** A token; the tokens of a query cover it without gaps or overlaps. @public */
export interface LogQueryToken extends LogQuerySpan {
  kind: LogQueryTokenKind;
  text: string;
}
