import {
  InputError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import {
  LogContext,
  LogHistogram,
  LogLevel,
  LogRecord,
  LogSearchPage,
  LogTailPage,
  LogTopField,
  LogTopValues,
  SourceStatus,
} from '@opsconsole/backstage-plugin-ops-common';
import { LogProvider, LogScope } from '@opsconsole/backstage-plugin-ops-node';
import { ProviderAnswer, ProviderSources } from '../sources/ProviderSources';
import { SourceTracker } from '../sources/SourceTracker';
import {
  decodeSourceCursors,
  encodeSourceCursors,
  SourceCursors,
} from './logCursor';
import {
  LogRangeParams,
  LogReader,
  logScope,
  LogTailScope,
  logTailScope,
  withReaderSources,
} from './logScope';

/** Tail long-polls re-check at least this often (records may come from other replicas). */
const TAIL_POLL_MS = 2000;

/** Ids of the sources that did not answer, as one comparable key. */
const failingKey = (sources: SourceStatus[]) =>
  sources
    .filter(s => s.status !== 'ok')
    .map(s => s.id)
    .join('\n');

const byTimeDesc = (a: LogRecord, b: LogRecord) =>
  Date.parse(b.time) - Date.parse(a.time);

/**
 * Reads logs from every source — the built-in store first, then the providers of
 * `opsLogProvidersExtensionPoint` — and merges their answers. A source that fails or does
 * not answer within the timeout is reported in `sources` as degraded and the others still
 * answer; bad input (a provider's InputError) is a 400. Every read is limited to what the
 * caller may see ({@link LogReader}: their tenants), and the answers also report the tenant
 * directory when it could not be read.
 */
export class LogsService {
  private readonly sources: ProviderSources<LogProvider>;
  private readonly providers: readonly LogProvider[];
  private readonly onCommit?: (listener: () => void) => () => void;

  constructor(options: {
    providers: LogProvider[];
    /** Subscribes to local commits, which wake waiting tails. */
    onCommit?: (listener: () => void) => () => void;
    /** Per call to a provider. Default 10 s. */
    timeoutMs?: number;
  }) {
    this.sources = new ProviderSources(
      options.providers,
      options.timeoutMs,
      'Log source',
    );
    this.providers = options.providers;
    this.onCommit = options.onCommit;
  }

  /** Calls the providers through {@link ProviderSources}; a provider's InputError is a 400. */
  private async each<T>(
    providers: readonly LogProvider[],
    call: (p: LogProvider) => Promise<T>,
  ): Promise<{
    answers: ProviderAnswer<LogProvider, T>[];
    sources: SourceStatus[];
  }> {
    const tracker = new SourceTracker();
    let badInput: InputError | undefined;
    const answers = await this.sources.some(providers, tracker, async p => {
      try {
        return await call(p);
      } catch (error) {
        if (error instanceof InputError) badInput = error;
        throw error;
      }
    });
    if (badInput) throw badInput;
    return { answers, sources: tracker.list() };
  }

  /**
   * Newest first across sources. The cursor holds each source's own cursor; a source
   * whose page was only partly used continues after the last record used: the
   * LogProvider contract makes a record id also a cursor in its source (the store's ids
   * are its positions; Loki reads the position from its ids).
   *
   * The first page (no cursor) also has `tailCursor`, where a live tail of the query starts
   * so that it misses nothing this search did not show: each source's tail cursor for
   * "now", taken just before that source is searched (within the same timeout). A record
   * committed in between comes in both answers (clients de-duplicate by id). A source that
   * fails to give one is reported degraded and left out of it: its tail starts when the
   * tail does.
   */
  async search(
    reader: LogReader,
    params: LogRangeParams & { limit: number; cursor?: string },
  ): Promise<LogSearchPage> {
    const { limit, cursor } = params;
    const scope = logScope(params, reader);
    if (cursor) {
      return withReaderSources(
        await this.searchScope(scope, { limit, cursor }),
        reader,
      );
    }
    const tailScope = logTailScope(params, reader);
    const tailCursors: SourceCursors = {};
    const tailFailures = new SourceTracker();
    const page = await this.searchScope(scope, { limit }, async p => {
      try {
        // without `after` a tail reads no records: it only says where "now" is
        const start = await p.tail(tailScope, { after: undefined, limit: 1 });
        tailCursors[p.id] = start.cursor;
      } catch (error) {
        if (error instanceof InputError) throw error;
        tailFailures.failed(p.id, error);
      }
    });
    const failed = new Map(tailFailures.list().map(s => [s.id, s]));
    return withReaderSources(
      {
        ...page,
        tailCursor: encodeSourceCursors(tailCursors),
        // a source whose search failed keeps that error
        sources: page.sources.map(s =>
          s.status === 'ok' ? failed.get(s.id) ?? s : s,
        ),
      },
      reader,
    );
  }

  /**
   * One page across the sources. `beforeSearch` runs for each source just before it is
   * searched, within the same timeout.
   */
  private async searchScope(
    scope: LogScope,
    options: { limit: number; cursor?: string },
    beforeSearch?: (p: LogProvider) => Promise<void>,
  ): Promise<LogSearchPage> {
    const state = decodeSourceCursors(options.cursor);
    const active = this.providers.filter(p => state[p.id] !== null);
    const { answers, sources } = await this.each(active, async p => {
      await beforeSearch?.(p);
      return p.search(scope, {
        limit: options.limit,
        cursor: state[p.id] ?? undefined,
      });
    });
    const tagged = answers.flatMap(a =>
      a.value.records.map(record => ({ record, source: a.provider.id })),
    );
    tagged.sort((a, b) => byTimeDesc(a.record, b.record));
    const page = tagged.slice(0, options.limit);

    const next: SourceCursors = { ...state };
    // a source that failed is asked again from where it was
    for (const { provider, value } of answers) {
      const used = page.filter(t => t.source === provider.id);
      if (used.length === value.records.length) {
        next[provider.id] = value.nextCursor ?? null;
      } else if (used.length > 0) {
        next[provider.id] = used[used.length - 1].record.id;
      }
    }
    // only sources that answered can say there is more (a failed one is retried next page)
    const more = answers.some(a => next[a.provider.id] !== null);
    return {
      records: page.map(t => t.record),
      ...(more && { nextCursor: encodeSourceCursors(next) }),
      sources,
    };
  }

  /** Counts per level in `buckets` equal time buckets over the range, oldest first. */
  async histogram(
    reader: LogReader,
    params: LogRangeParams & { buckets: number },
  ): Promise<LogHistogram> {
    return withReaderSources(
      await this.histogramScope(logScope(params, reader), params.buckets),
      reader,
    );
  }

  private async histogramScope(
    scope: LogScope,
    buckets: number,
  ): Promise<LogHistogram> {
    const fromMs = Date.parse(scope.from);
    const toMs = Date.parse(scope.to);
    const bucketSeconds = Math.max(
      1,
      Math.ceil((toMs - fromMs) / 1000 / buckets),
    );
    const bucketMs = bucketSeconds * 1000;
    const count = Math.max(1, Math.ceil((toMs - fromMs) / bucketMs));
    const series = Array.from({ length: count }, (_, i) => ({
      start: new Date(fromMs + i * bucketMs).toISOString(),
      counts: {} as Partial<Record<LogLevel, number>>,
    }));
    const { answers, sources } = await this.each(this.providers, p =>
      p.histogram(scope, { bucketSeconds }),
    );
    for (const { value } of answers) {
      for (const bucket of value) {
        const index = Math.floor(
          (Date.parse(bucket.start) - fromMs) / bucketMs,
        );
        const target = series[index];
        if (!target) continue;
        for (const [level, n] of Object.entries(bucket.counts)) {
          const key = level as LogLevel;
          target.counts[key] = (target.counts[key] ?? 0) + (n ?? 0);
        }
      }
    }
    return { bucketSeconds, buckets: series, sources };
  }

  /**
   * The record and its neighbours, from the first source that knows the id (asked in turn,
   * each within the timeout). 404 when none does; 503 when some of them failed.
   */
  async context(
    reader: LogReader,
    id: string,
    options: { before: number; after: number },
  ): Promise<LogContext> {
    const failures: string[] = [];
    for (const provider of this.providers) {
      const { answers, sources } = await this.each([provider], p =>
        p.context(id, { ...options, tenantIds: reader.tenantIds }),
      );
      const found = answers[0]?.value;
      if (found) return found;
      const failed = sources.filter(s => s.status !== 'ok');
      failures.push(...failed.map(s => `${s.id}: ${s.error}`));
    }
    if (failures.length > 0) {
      throw new ServiceUnavailableError(
        `Log record ${id} was not found; some sources failed (${failures.join(
          '; ',
        )})`,
      );
    }
    throw new NotFoundError(`No log record ${id}`);
  }

  /**
   * Records newer than the cursor, oldest first. Without a cursor: none, and a cursor for
   * "from now". With one and `waitSeconds`: waits until records arrive (woken by commits of
   * this replica, re-checking every 2 s), a source fails or recovers, the time is up, or
   * `signal` aborts. `sources` tells how each source answered the last check; a source that
   * failed keeps its cursor, so its records come once it answers again.
   */
  async tail(
    reader: LogReader,
    options: {
      q?: string;
      after?: string;
      limit: number;
      waitSeconds: number;
      signal?: AbortSignal;
    },
  ): Promise<LogTailPage> {
    const scope = logTailScope(options, reader);
    const state = decodeSourceCursors(options.after);
    const started = options.after !== undefined;
    const deadline = Date.now() + options.waitSeconds * 1000;
    let failing: string | undefined;
    for (;;) {
      const page = await this.tailOnce(scope, state, options.limit, started);
      const remaining = deadline - Date.now();
      const nowFailing = failingKey(page.sources);
      failing ??= nowFailing;
      if (
        !started ||
        page.records.length > 0 ||
        nowFailing !== failing ||
        remaining <= 0 ||
        options.signal?.aborted
      ) {
        return withReaderSources(page, reader);
      }
      // nothing came: keep the cursors this round gave, so a source that had none (it failed
      // when the search asked where its tail starts) now has one, and records it commits
      // while we wait come in the next round instead of being passed by a new "from now"
      Object.assign(state, decodeSourceCursors(page.cursor));
      await this.waitForCommit(
        Math.min(remaining, TAIL_POLL_MS),
        options.signal,
      );
    }
  }

  private async tailOnce(
    scope: LogTailScope,
    state: SourceCursors,
    limit: number,
    started: boolean,
  ): Promise<LogTailPage> {
    const { answers, sources } = await this.each(this.providers, p =>
      p.tail(scope, {
        after: started ? state[p.id] ?? undefined : undefined,
        limit,
      }),
    );
    const next: SourceCursors = { ...state };
    const records: LogRecord[] = [];
    for (const { provider, value } of answers) {
      records.push(...value.records);
      next[provider.id] = value.cursor;
    }
    records.sort((a, b) => -byTimeDesc(a, b));
    return { records, cursor: encodeSourceCursors(next), sources };
  }

  private waitForCommit(ms: number, signal?: AbortSignal) {
    return new Promise<void>(resolve => {
      const cleanups: Array<() => void> = [];
      const done = () => {
        for (const cleanup of cleanups) cleanup();
        resolve();
      };
      const timer = setTimeout(done, ms);
      cleanups.push(() => clearTimeout(timer));
      const unsubscribe = this.onCommit?.(done);
      if (unsubscribe) cleanups.push(unsubscribe);
      signal?.addEventListener('abort', done);
      cleanups.push(() => signal?.removeEventListener('abort', done));
    });
  }

  /** The most frequent values of a field among the matching records. */
  async topValues(
    reader: LogReader,
    params: LogRangeParams & { field: LogTopField; limit: number },
  ): Promise<LogTopValues> {
    const scope = logScope(params, reader);
    const options = { field: params.field, limit: params.limit };
    const { answers, sources } = await this.each(this.providers, p =>
      p.topValues(scope, options),
    );
    const totals = new Map<string, number>();
    for (const answer of answers) {
      for (const { value, count } of answer.value) {
        totals.set(value, (totals.get(value) ?? 0) + count);
      }
    }
    const values = [...totals.entries()]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
      .slice(0, options.limit);
    return withReaderSources({ field: options.field, values, sources }, reader);
  }

  /**
   * Every matching record, newest first, page by page, up to `max`. The first page is read
   * before this resolves, so a failure then is still a clean error answer; a failure later
   * comes from the iteration. A source that fails (or the caller's tenant directory) is a
   * ServiceUnavailableError naming it, not a file that silently lacks its records: what was
   * handed out before is complete, every source having answered for it.
   */
  async exportPages(
    reader: LogReader,
    params: LogRangeParams,
    max: number,
  ): Promise<AsyncIterable<LogRecord[]>> {
    const pages = this.exportRecords(
      logScope(params, reader),
      max,
      reader.sources,
    );
    const first = await pages.next();
    return (async function* exportFromFirst() {
      if (first.done) return;
      yield first.value;
      yield* pages;
    })();
  }

  private async *exportRecords(
    scope: LogScope,
    max: number,
    readerSources: SourceStatus[],
  ): AsyncGenerator<LogRecord[]> {
    let cursor: string | undefined;
    let sent = 0;
    while (sent < max) {
      const page = await this.searchScope(scope, {
        limit: Math.min(1000, max - sent),
        cursor,
      });
      const failed = [...page.sources, ...readerSources].filter(
        s => s.status !== 'ok',
      );
      if (failed.length > 0) {
        throw new ServiceUnavailableError(
          `export incomplete: ${failed
            .map(s => `source ${s.id} failed: ${s.error ?? s.status}`)
            .join('; ')}`,
        );
      }
      if (page.records.length === 0) return;
      yield page.records;
      sent += page.records.length;
      cursor = page.nextCursor;
      if (!cursor) return;
    }
  }
}
