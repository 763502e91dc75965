import { InputError } from '@backstage/errors';
import { parseLogQuery } from '@opsconsole/backstage-plugin-ops-common';
import { LogScope } from '@opsconsole/backstage-plugin-ops-node';
import { Response } from 'express';
import { once } from 'node:events';
import { OpsRouter } from '../routerTypes';
import { csvHeader, csvRow, ndjsonRow } from './exportFormats';
import { LogsAccess, LogsAccessResolver } from './logsAccess';
import { LogsService } from './LogsService';

const HOUR = 3600_000;

/** The parsed query, 400 naming the first mistake and where it is. */
export function parseQueryParam(q: string | undefined) {
  const result = parseLogQuery(q ?? '');
  if (!result.ok) {
    const [first] = result.errors;
    throw new InputError(
      `Invalid log query at ${first.start}-${first.end}: ${first.message}`,
    );
  }
  return result.query;
}

function parseTime(name: string, value: string | undefined, fallback: number) {
  if (value === undefined || value === '') return fallback;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) {
    throw new InputError(`${name} must be an ISO date-time, got "${value}"`);
  }
  return ms;
}

/** The scope of a read: query, time range (default: the last hour), the caller's tenants. */
export function logScope(
  params: { q?: string; from?: string; to?: string },
  access: LogsAccess,
  now = Date.now(),
): LogScope {
  const toMs = parseTime('to', params.to, now);
  const fromMs = parseTime('from', params.from, toMs - HOUR);
  if (fromMs >= toMs) throw new InputError('from must be before to');
  return {
    from: new Date(fromMs).toISOString(),
    to: new Date(toMs).toISOString(),
    query: parseQueryParam(params.q),
    ...(access.tenantIds && { tenantIds: access.tenantIds }),
  };
}

async function write(res: Response, chunk: string) {
  if (!res.write(chunk)) await once(res, 'drain');
}

/** What the log routes need: the service and who may read what. */
export interface LogsRoutesDeps {
  service: LogsService;
  access: LogsAccessResolver;
  exportMaxRecords: number;
}

/** Mounts the log routes of the spec on the ops router. */
export function mountLogsRoutes(router: OpsRouter, deps: LogsRoutesDeps) {
  const { service: logs, access: logsAccess } = deps;

  router.get('/logs/search', async (req, res) => {
    const access = await logsAccess(req);
    const page = await logs.search(logScope(req.query, access), {
      limit: req.query.limit ?? 100,
      cursor: req.query.cursor,
    });
    res.json({ ...page, sources: [...page.sources, ...access.sources] });
  });

  router.get('/logs/histogram', async (req, res) => {
    const access = await logsAccess(req);
    const histogram = await logs.histogram(
      logScope(req.query, access),
      req.query.buckets ?? 60,
    );
    res.json({
      ...histogram,
      sources: [...histogram.sources, ...access.sources],
    });
  });

  router.get('/logs/records/:id/context', async (req, res) => {
    const access = await logsAccess(req);
    res.json(
      await logs.context(req.params.id, {
        before: req.query.before ?? 20,
        after: req.query.after ?? 20,
        tenantIds: access.tenantIds,
      }),
    );
  });

  router.get('/logs/tail', async (req, res) => {
    const access = await logsAccess(req);
    const closed = new AbortController();
    res.on('close', () => closed.abort());
    const page = await logs.tail(
      {
        query: parseQueryParam(req.query.q),
        ...(access.tenantIds && { tenantIds: access.tenantIds }),
      },
      {
        after: req.query.after,
        limit: req.query.limit ?? 500,
        waitSeconds: req.query.waitSeconds ?? 0,
        signal: closed.signal,
      },
    );
    res.setHeader('Cache-Control', 'no-store');
    res.json(page);
  });

  router.get('/logs/top', async (req, res) => {
    const access = await logsAccess(req);
    const top = await logs.topValues(logScope(req.query, access), {
      field: req.query.field,
      limit: req.query.limit ?? 10,
    });
    res.json({ ...top, sources: [...top.sources, ...access.sources] });
  });

  router.get('/logs/export', async (req, res) => {
    const access = await logsAccess(req);
    const scope = logScope(req.query, access);
    const csv = req.query.format === 'csv';
    const records = logs.exportRecords(scope, deps.exportMaxRecords);
    // the first page is read before the headers go out, so a failure is still a clean error
    const first = await records.next();
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    res.status(200);
    res.setHeader(
      'Content-Type',
      csv ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
    );
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="logs-${stamp}.${csv ? 'csv' : 'ndjson'}"`,
    );
    res.setHeader('Cache-Control', 'no-store');
    const row = csv ? csvRow : ndjsonRow;
    if (csv) await write(res, csvHeader());
    try {
      if (!first.done) {
        for (const record of first.value) await write(res, row(record));
        for await (const page of records) {
          if (res.destroyed) break;
          for (const record of page) await write(res, row(record));
        }
      }
      res.end();
    } catch (error) {
      // headers are gone: cut the stream so the download is visibly incomplete
      res.destroy(error as Error);
    }
  });
}
