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

/** Tail long-polls re-check at least this often (records may come from other replicas). */
const TAIL_POLL_MS = 2000;

function errorText(error: unknown) {
  return error instanceof Error ? error.message : String(error);
}

const byTimeDesc = (a: LogRecord, b: LogRecord) =>
  Date.parse(b.time) - Date.parse(a.time);

/**
 * Reads logs from every source — the built-in store first, then the providers of
 * `opsLogProvidersExtensionPoint` — and merges their answers. A source that fails is
 * reported in `sources` as degraded and the others still answer; bad input (a provider's
 * InputError) is a 400.
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
   * whose page was only partly used continues after the last record used (a record id is
   * also a cursor in its source).
   */
  async search(
    scope: LogScope,
    options: { limit: number; cursor?: string },
  ): Promise<LogSearchPage> {
    const state = decodeSourceCursors(options.cursor);
    const active = this.providers.filter(p => state[p.id] !== null);
    const { answers, sources } = await this.each(active, p =>
      p.search(scope, {
        limit: options.limit,
        cursor: state[p.id] ?? undefined,
      }),
    );
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

  async histogram(scope: LogScope, buckets: number): Promise<LogHistogram> {
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

  /** The record and its neighbours, from the first source that knows the id. */
  async context(
    id: string,
    options: { before: number; after: number; tenantIds?: string[] },
  ): Promise<LogContext> {
    const failures: string[] = [];
    for (const provider of this.providers) {
      try {
        const found = await provider.context(id, options);
        if (found) return found;
      } catch (error) {
        if (error instanceof InputError) throw error;
        failures.push(`${provider.id}: ${errorText(error)}`);
      }
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
   * this replica, re-checking every 2 s) or the time is up, or `signal` aborts.
   */
  async tail(
    scope: Omit<LogScope, 'from' | 'to'>,
    options: {
      after?: string;
      limit: number;
      waitSeconds: number;
      signal?: AbortSignal;
    },
  ): Promise<LogTailPage> {
    const state = decodeSourceCursors(options.after);
    const started = options.after !== undefined;
    const deadline = Date.now() + options.waitSeconds * 1000;
    for (;;) {
      const page = await this.tailOnce(scope, state, options.limit, started);
      const remaining = deadline - Date.now();
      if (
        !started ||
        page.records.length > 0 ||
        remaining <= 0 ||
        options.signal?.aborted
      ) {
        return page;
      }
      await this.waitForCommit(
        Math.min(remaining, TAIL_POLL_MS),
        options.signal,
      );
    }
  }

  private async tailOnce(
    scope: Omit<LogScope, 'from' | 'to'>,
    state: SourceCursors,
    limit: number,
    started: boolean,
  ): Promise<LogTailPage> {
    const { answers } = await this.each(this.providers, p =>
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
    return { records, cursor: encodeSourceCursors(next) };
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

  async topValues(
    scope: LogScope,
    options: { field: LogTopField; limit: number },
  ): Promise<LogTopValues> {
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
    return { field: options.field, values, sources };
  }

  /** Every matching record, newest first, page by page, up to `max`. */
  async *exportRecords(
    scope: LogScope,
    max: number,
  ): AsyncGenerator<LogRecord[]> {
    let cursor: string | undefined;
    let sent = 0;
    while (sent < max) {
      const page = await this.search(scope, {
        limit: Math.min(1000, max - sent),
        cursor,
      });
      if (page.records.length === 0) return;
      yield page.records;
      sent += page.records.length;
      cursor = page.nextCursor;
      if (!cursor) return;
    }
  }
}
