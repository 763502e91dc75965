import { parseLogQuery } from '@opsconsole/backstage-plugin-ops-common';
import knexFactory from 'knex';
import { applyLogFilter, LogSqlDialect } from './compileLogQuery';

const clients: Record<LogSqlDialect, ReturnType<typeof knexFactory>> = {
  pg: knexFactory({ client: 'pg' }),
  sqlite: knexFactory({ client: 'better-sqlite3', useNullAsDefault: true }),
};

function compile(text: string, dialect: LogSqlDialect, tenantIds?: string[]) {
  const parsed = parseLogQuery(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const db = clients[dialect];
  return applyLogFilter(
    db('ops_log_records').select('id'),
    { query: parsed.query, fromMs: 1, toMs: 2, tenantIds },
    dialect,
  ).toSQL();
}

describe('applyLogFilter', () => {
  afterAll(async () => {
    await Promise.all(Object.values(clients).map(c => c.destroy()));
  });

  const HOSTILE = [`'; drop table x; --`, '%', '_', '"', '\\', `a' OR '1'='1`];

  it.each(['pg', 'sqlite'] as const)(
    'keeps every value out of the SQL text on %s',
    dialect => {
      for (const value of HOSTILE) {
        const quoted = `"${value.replace(/[\\"]/g, c => `\\${c}`)}"`;
        const { sql, bindings } = compile(
          `${quoted} -${quoted} service:${quoted} tenant:${quoted} trace:${quoted} attr.k:${quoted}`,
          dialect,
          [value],
        );
        expect(sql).not.toMatch(/drop table|'1'='1|%|\\/i);
        expect(bindings).toEqual(expect.arrayContaining([value]));
      }
    },
  );

  it('compiles each kind of term for Postgres', () => {
    const { sql, bindings } = compile(
      'level>=warn service:mailer -tenant:acme "connection refused" -healthcheck trace:ABC attr.http.status_code:503 %',
      'pg',
    );
    expect(sql).toBe(
      'select "id" from "ops_log_records" where "time_ms" >= ? and "time_ms" < ? and "level" in (?, ?, ?) and "service" = ? and ("tenant_id" is null or "tenant_id" <> ?) and (body_tsv @@ ?::tsquery) and NOT (body_tsv @@ ?::tsquery) and "trace_id" = ? and coalesce((attributes ->> ?::text) = ?, false) and (strpos(body, ?) > 0)',
    );
    expect(bindings).toEqual([
      1,
      2,
      3,
      4,
      5,
      'mailer',
      'acme',
      "'connection' <-> 'refused'",
      "'healthcheck'",
      'abc',
      'http.status_code',
      '503',
      '%',
    ]);
  });

  it('compiles text to FTS5 phrases and attributes to JSON paths for SQLite', () => {
    const { sql, bindings } = compile(
      'Connection-Refused -x attr.k8s.pod:web',
      'sqlite',
      [],
    );
    expect(sql).toContain(
      'id IN (SELECT rowid FROM ops_log_records_fts WHERE ops_log_records_fts MATCH ?)',
    );
    expect(sql).toContain('id NOT IN (SELECT rowid');
    expect(sql).toContain('coalesce(json_extract(attributes, ?) = ?, 0)');
    expect(sql).toContain('and 1 = ? and'); // no tenants: nothing (bound 0)
    expect(bindings).toEqual([
      1,
      2,
      0,
      '"connection refused"',
      '"x"',
      '$."k8s.pod"',
      'web',
    ]);
  });
});
