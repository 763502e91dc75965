// Compiles the log query language (parsed in ops-common) to knex conditions on
// ops_log_records. Every value travels as a binding; nothing from the query is spliced
// into SQL text.
import { InputError } from '@backstage/errors';
import {
  LogQuery,
  LogQueryAttrTerm,
  LogQueryFieldTerm,
  LogQueryTerm,
  LogQueryTextTerm,
  logLevelRank,
  logLevelsMatching,
} from '@opsconsole/backstage-plugin-ops-common';
import { Knex } from 'knex';
import { pgPhraseQuery, pgTokens, textTokens } from './logText';

/** The SQL dialects the store speaks. */
export type LogSqlDialect = 'pg' | 'sqlite';

/** What a store query is limited to. */
export interface LogFilter {
  query: LogQuery;
  /** Epoch ms, inclusive. */
  fromMs?: number;
  /** Epoch ms, exclusive. */
  toMs?: number;
  /** Only these tenants' records (an empty list matches nothing). */
  tenantIds?: string[];
}

const FIELD_COLUMNS: Record<LogQueryFieldTerm['field'], string> = {
  service: 'service',
  tenant: 'tenant_id',
  trace: 'trace_id',
};

const ATTR_KEY = /^[A-Za-z0-9_.-]{1,200}$/;

type Where = Knex.QueryBuilder;

function textCondition(
  qb: Where,
  term: LogQueryTextTerm,
  dialect: LogSqlDialect,
) {
  const tokens =
    dialect === 'pg' ? pgTokens(term.value) : textTokens(term.value);
  const not = term.negated ? 'NOT ' : '';
  if (tokens.length === 0) {
    // no letters or digits (e.g. `%` or `"->"`): a plain substring test
    const fn = dialect === 'pg' ? 'strpos' : 'instr';
    qb.whereRaw(`${not}(${fn}(body, ?) > 0)`, [term.value]);
  } else if (dialect === 'pg') {
    // the words as the store indexed them (pgTsvector), not as Postgres' parser splits text
    qb.whereRaw(`${not}(body_tsv @@ ?::tsquery)`, [pgPhraseQuery(tokens)]);
  } else {
    // an FTS5 phrase: tokens are letters and digits only, so the quotes cannot be escaped
    qb.whereRaw(
      `id ${not}IN (SELECT rowid FROM ops_log_records_fts WHERE ops_log_records_fts MATCH ?)`,
      [`"${tokens.join(' ')}"`],
    );
  }
}

function fieldCondition(qb: Where, term: LogQueryFieldTerm) {
  const column = FIELD_COLUMNS[term.field];
  const value = term.field === 'trace' ? term.value.toLowerCase() : term.value;
  if (term.negated) {
    qb.where(b => b.whereNull(column).orWhere(column, '<>', value));
  } else {
    qb.where(column, value);
  }
}

function attrCondition(
  qb: Where,
  term: LogQueryAttrTerm,
  dialect: LogSqlDialect,
) {
  if (!ATTR_KEY.test(term.key)) {
    throw new InputError(`Invalid attribute key "${term.key}"`);
  }
  const not = term.negated ? 'NOT ' : '';
  if (dialect === 'pg') {
    qb.whereRaw(`${not}coalesce((attributes ->> ?::text) = ?, false)`, [
      term.key,
      term.value,
    ]);
  } else {
    qb.whereRaw(`${not}coalesce(json_extract(attributes, ?) = ?, 0)`, [
      `$."${term.key}"`,
      term.value,
    ]);
  }
}

function termCondition(qb: Where, term: LogQueryTerm, dialect: LogSqlDialect) {
  switch (term.kind) {
    case 'text':
      textCondition(qb, term, dialect);
      return;
    case 'field':
      fieldCondition(qb, term);
      return;
    case 'attr':
      attrCondition(qb, term, dialect);
      return;
    case 'level': {
      const ranks = logLevelsMatching(term.op, term.level).map(logLevelRank);
      if (term.negated) qb.whereNotIn('level', ranks);
      else qb.whereIn('level', ranks);
      return;
    }
    default:
      throw new InputError('Unsupported log query term');
  }
}

/**
 * Adds the filter's conditions (time range, tenant scope, every query term ANDed) to a
 * query on ops_log_records.
 */
export function applyLogFilter(
  qb: Where,
  filter: LogFilter,
  dialect: LogSqlDialect,
): Where {
  if (filter.fromMs !== undefined) qb.where('time_ms', '>=', filter.fromMs);
  if (filter.toMs !== undefined) qb.where('time_ms', '<', filter.toMs);
  if (filter.tenantIds) qb.whereIn('tenant_id', filter.tenantIds);
  for (const term of filter.query.terms) termCondition(qb, term, dialect);
  return qb;
}
