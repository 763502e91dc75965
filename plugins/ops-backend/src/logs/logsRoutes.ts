import { Response } from 'express';
import { once } from 'node:events';
import { OpsRouter } from '../routerTypes';
import { csvHeader, csvRow, ndjsonRow } from './exportFormats';
import { LogsAccessResolver } from './logsAccess';
import { LogsService } from './LogsService';

/**
 * Response header of `GET /logs/export`: the most records an export holds. A browser's
 * script reads it across origins when `backend.cors.exposedHeaders` lists it.
 */
export const EXPORT_LIMIT_HEADER = 'X-Ops-Export-Limit';

async function write(res: Response, chunk: string) {
  if (!res.write(chunk)) await once(res, 'drain');
}

/** What the log routes need: the service and who may read what. */
export interface LogsRoutesDeps {
  service: LogsService;
  access: LogsAccessResolver;
  exportMaxRecords: number;
}

/**
 * Mounts the log routes of the spec on the ops router. They only resolve the caller's
 * access, apply the defaults and serialize; {@link LogsService} turns the access into what
 * is read (see ./logScope).
 */
export function mountLogsRoutes(router: OpsRouter, deps: LogsRoutesDeps) {
  const { service: logs, access: logsAccess } = deps;

  router.get('/logs/search', async (req, res) => {
    const { q, from, to, limit = 100, cursor } = req.query;
    const access = await logsAccess(req);
    res.json(await logs.search(access, { q, from, to, limit, cursor }));
  });

  router.get('/logs/histogram', async (req, res) => {
    const { q, from, to, buckets = 60 } = req.query;
    const access = await logsAccess(req);
    res.json(await logs.histogram(access, { q, from, to, buckets }));
  });

  router.get('/logs/records/:id/context', async (req, res) => {
    const { before = 20, after = 20 } = req.query;
    const access = await logsAccess(req);
    res.json(await logs.context(access, req.params.id, { before, after }));
  });

  router.get('/logs/tail', async (req, res) => {
    const { q, after, limit = 500, waitSeconds = 0 } = req.query;
    const access = await logsAccess(req);
    const closed = new AbortController();
    res.on('close', () => closed.abort());
    const page = await logs.tail(access, {
      q,
      after,
      limit,
      waitSeconds,
      signal: closed.signal,
    });
    res.setHeader('Cache-Control', 'no-store');
    res.json(page);
  });

  router.get('/logs/top', async (req, res) => {
    const { q, from, to, field, limit = 10 } = req.query;
    const access = await logsAccess(req);
    res.json(await logs.topValues(access, { q, from, to, field, limit }));
  });

  router.get('/logs/export', async (req, res) => {
    const { q, from, to, format } = req.query;
    const access = await logsAccess(req);
    // resolves once the first page is read, so a failure is still a clean error
    const pages = await logs.exportPages(
      access,
      { q, from, to },
      deps.exportMaxRecords,
    );
    const csv = format === 'csv';
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
    // the most records an export holds, so a client can say that it may have stopped there
    res.setHeader(EXPORT_LIMIT_HEADER, String(deps.exportMaxRecords));
    const row = csv ? csvRow : ndjsonRow;
    if (csv) await write(res, csvHeader());
    try {
      for await (const page of pages) {
        if (res.destroyed) break;
        for (const record of page) await write(res, row(record));
      }
      res.end();
    } catch (error) {
      // The status is sent: say it in the body. NDJSON ends with an error line (no
      // record has an `error` field). CSV has no comments and a row would read as a
      // record, so the connection is cut instead: the download shows as failed.
      if (csv || res.destroyed) {
        res.destroy(error as Error);
        return;
      }
      res.end(`${JSON.stringify({ error: (error as Error).message })}\n`);
    }
  });
}
