import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  LOG_LEVELS,
  LogContext,
  LogHistogramBucket,
  LogLevel,
  LogQuery,
  LogRecord,
  LogTopField,
} from '@opsconsole/backstage-plugin-ops-common';
import {
  LogProvider,
  LogScope,
  readOptionalDurationMs,
} from '@opsconsole/backstage-plugin-ops-node';
import {
  CompileLogQlOptions,
  DEFAULT_LOKI_LABELS,
  LokiAttributeParser,
  LokiLabelNames,
  compileLogQl,
  levelCountsLogQl,
  topValuesLogQl,
} from '../logql/compileLogQl';
import { levelFromLoki } from '../logql/levels';
import { isLabelName } from '../logql/literals';
import { LokiClient, LokiConnection } from './LokiClient';
import {
  LokiDirection,
  LokiEntry,
  LokiPosition,
  compareKeys,
  decodeCursor,
  decodeRecordId,
  encodeCursor,
  isPast,
  msToNs,
  positionAfter,
  streamsToEntries,
} from './records';

/** @public */
export interface LokiLogProviderOptions extends LokiConnection {
  /** Provider id shown in `sources` lists. Default `loki`. */
  id?: string;
  labels?: Partial<LokiLabelNames>;
  /** Whether the tenant label is a stream label (default) or structured metadata. */
  tenantInSelector?: boolean;
  attributeParser?: LokiAttributeParser;
  caseInsensitiveText?: boolean;
  /** How far around a record context looks, each way, in seconds. Default 3600. */
  contextWindowSeconds?: number;
  /**
   * The most entries one query may ask for: Loki's `max_entries_limit_per_query`.
   * Default 5000 (Loki's default).
   */
  maxEntriesPerQuery?: number;
  /** The clock (ms), for tests. */
  now?: () => number;
}

/** Entries of one instant beyond the asked-for count that context fetches (same-ns neighbours). */
const CONTEXT_SLACK = 16;

/** Loki's default `max_entries_limit_per_query`. */
const DEFAULT_MAX_ENTRIES_PER_QUERY = 5000;

const TOP_LABEL: Record<LogTopField, keyof LokiLabelNames> = {
  service: 'service',
  tenant: 'tenant',
  level: 'level',
  trace: 'trace',
};

function isoToNs(iso: string): bigint {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`not an ISO time: ${iso}`);
  return msToNs(ms);
}

/**
 * Logs from Grafana Loki through its query API: queries compile to LogQL
 * ({@link compileLogQl}); search and context use `query_range` log queries, the
 * histogram a `count_over_time` metric range query, top values an instant `topk`
 * query, and tail polls `query_range` forward from its cursor.
 * @public
 */
export class LokiLogProvider implements LogProvider {
  readonly id: string;
  readonly #client: LokiClient;
  readonly #labels: LokiLabelNames;
  readonly #compile: Omit<CompileLogQlOptions, 'tenantIds'>;
  readonly #contextWindowNs: bigint;
  readonly #maxEntries: number;
  readonly #now: () => number;

  /** Reads `ops.logs.loki`; undefined when it is absent. */
  static fromConfig(
    config: Config,
    options: { logger?: LoggerService } = {},
  ): LokiLogProvider | undefined {
    const loki = config.getOptionalConfig('ops.logs.loki');
    if (!loki) return undefined;
    const basicAuth = loki.getOptionalConfig('basicAuth');
    const labels = loki.getOptionalConfig('labels');
    const contextWindowMs = readOptionalDurationMs(loki, 'contextWindow');
    const provider = new LokiLogProvider({
      id: loki.getOptionalString('id'),
      baseUrl: loki.getString('baseUrl'),
      orgId: loki.getOptionalString('orgId'),
      token: loki.getOptionalString('token'),
      basicAuth: basicAuth && {
        username: basicAuth.getString('username'),
        password: basicAuth.getString('password'),
      },
      timeoutMs: readOptionalDurationMs(loki, 'timeout'),
      labels: labels && {
        service: labels.getOptionalString('service'),
        tenant: labels.getOptionalString('tenant'),
        level: labels.getOptionalString('level'),
        trace: labels.getOptionalString('trace'),
      },
      tenantInSelector: loki.getOptionalBoolean('tenantInSelector'),
      attributeParser: loki.getOptionalString('attributeParser') as
        | LokiAttributeParser
        | undefined,
      caseInsensitiveText: loki.getOptionalBoolean('caseInsensitiveText'),
      contextWindowSeconds:
        contextWindowMs === undefined ? undefined : contextWindowMs / 1000,
      maxEntriesPerQuery: loki.getOptionalNumber('maxEntriesPerQuery'),
    });
    options.logger?.info(
      `Loki log provider "${provider.id}" at ${loki.getString('baseUrl')}`,
    );
    return provider;
  }

  constructor(options: LokiLogProviderOptions) {
    this.id = options.id ?? 'loki';
    this.#client = new LokiClient(options);
    const labels = { ...DEFAULT_LOKI_LABELS };
    for (const [field, name] of Object.entries(options.labels ?? {})) {
      if (name === undefined) continue;
      if (!isLabelName(name)) {
        throw new Error(
          `Loki label name for ${field} must match [A-Za-z_][A-Za-z0-9_]*, got "${name}"`,
        );
      }
      labels[field as keyof LokiLabelNames] = name;
    }
    this.#labels = labels;
    const parser = options.attributeParser ?? 'labels';
    if (!['labels', 'json', 'logfmt'].includes(parser)) {
      throw new Error(
        `Loki attributeParser must be labels, json or logfmt, got "${parser}"`,
      );
    }
    this.#compile = {
      labels,
      tenantInSelector: options.tenantInSelector,
      attributeParser: parser,
      caseInsensitiveText: options.caseInsensitiveText,
    };
    const window = options.contextWindowSeconds ?? 3600;
    if (!Number.isFinite(window) || window <= 0) {
      throw new Error(
        `Loki contextWindowSeconds must be a positive number, got ${window}`,
      );
    }
    this.#contextWindowNs = msToNs(window * 1000);
    const maxEntries =
      options.maxEntriesPerQuery ?? DEFAULT_MAX_ENTRIES_PER_QUERY;
    if (!Number.isSafeInteger(maxEntries) || maxEntries < 2) {
      throw new Error(
        `Loki maxEntriesPerQuery must be an integer of at least 2, got ${maxEntries}`,
      );
    }
    this.#maxEntries = maxEntries;
    this.#now = options.now ?? Date.now;
  }

  #logQl(query: LogQuery, tenantIds?: string[]): string {
    return compileLogQl(query, { ...this.#compile, tenantIds });
  }

  /**
   * Newest first. `cursor` is a `nextCursor` of this method or the id of a
   * record it returned: the page goes on past it.
   */
  async search(
    scope: LogScope,
    options: { limit: number; cursor?: string },
  ): Promise<{ records: LogRecord[]; nextCursor?: string }> {
    const after = options.cursor
      ? decodeCursor(options.cursor, 'backward')
      : undefined;
    if (scope.tenantIds?.length === 0) return { records: [] };
    const { entries, more } = await this.#next({
      query: this.#logQl(scope.query, scope.tenantIds),
      direction: 'backward',
      start: isoToNs(scope.from),
      end: isoToNs(scope.to),
      after,
      limit: options.limit,
    });
    const records = entries.map(e => e.record);
    if (!more || entries.length === 0) return { records };
    return {
      records,
      nextCursor: encodeCursor(positionAfter(entries, after)),
    };
  }

  /**
   * The next `limit` entries past `after` (or from the start of the range) going
   * `direction`, exactly: none lost or repeated, also when many share one
   * nanosecond, and the cursor stays small. Loki answers the `limit` entries
   * nearest to where it starts but picks freely among entries of one instant, so
   * in a full answer every instant is complete except the farthest one. Asking
   * for one more than needed (plus those of the cursor's instant given before)
   * usually leaves that instant off the page; when it does not, the instant is
   * read whole (one more query) and the page goes on past it.
   */
  async #next(request: {
    query: string;
    direction: LokiDirection;
    /** ns, inclusive. */
    start: bigint;
    /** ns, exclusive. */
    end: bigint;
    after?: LokiPosition;
    limit: number;
  }): Promise<{ entries: LokiEntry[]; more: boolean }> {
    const { query, direction, limit } = request;
    const backward = direction === 'backward';
    const pastOf = (entries: LokiEntry[], position?: LokiPosition) =>
      position
        ? entries.filter(e => isPast(e.key, position, direction))
        : entries;
    const out: LokiEntry[] = [];
    let after = request.after;
    for (;;) {
      const need = limit - out.length;
      let { start, end } = request;
      if (after && backward && after.ns + 1n < end) end = after.ns + 1n;
      if (after && !backward && after.ns > start) start = after.ns;
      if (end <= start) return { entries: out, more: false };
      const asked = Math.min(need + 1 + (after?.given ?? 0), this.#maxEntries);
      const answer = await this.#read(query, { start, end, direction }, asked);
      const past = pastOf(answer.entries, after);
      if (answer.complete || answer.entries.length === 0) {
        out.push(...past.slice(0, need));
        return { entries: out, more: past.length > need };
      }
      const edge = answer.entries[answer.entries.length - 1].key.ns;
      const whole = past.filter(e => e.key.ns !== edge);
      if (whole.length >= need) {
        // past entries at the edge instant remain
        out.push(...whole.slice(0, need));
        return { entries: out, more: true };
      }
      const instant = await this.#readInstant(query, edge, direction);
      const got = [...whole, ...pastOf(instant, after)];
      out.push(...got.slice(0, need));
      // full: what lies beyond the edge instant is unknown, so there may be more
      if (got.length >= need) return { entries: out, more: true };
      after = { ns: backward ? edge - 1n : edge + 1n, given: 0 };
    }
  }

  /** A `query_range` answer in `direction` order; `complete` unless Loki may have left entries out. */
  async #read(
    query: string,
    range: { start: bigint; end: bigint; direction: LokiDirection },
    limit: number,
  ): Promise<{ entries: LokiEntry[]; complete: boolean }> {
    const streams = await this.#client.queryRange('streams', {
      query,
      ...range,
      limit,
    });
    const count = streams.reduce((n, s) => n + s.values.length, 0);
    const entries = streamsToEntries(streams, this.#labels);
    if (range.direction === 'backward') entries.reverse();
    return { entries, complete: count < limit };
  }

  /** Every entry of one instant, in `direction` order. */
  async #readInstant(
    query: string,
    ns: bigint,
    direction: LokiDirection,
  ): Promise<LokiEntry[]> {
    const { entries, complete } = await this.#read(
      query,
      { start: ns, end: ns + 1n, direction },
      this.#maxEntries,
    );
    if (!complete) {
      throw new Error(
        `Loki has ${
          this.#maxEntries
        } or more entries at the instant ${ns} ns, more than one query may return (maxEntriesPerQuery); they cannot be paged through exactly`,
      );
    }
    return entries;
  }

  async histogram(
    scope: LogScope,
    options: { bucketSeconds: number },
  ): Promise<LogHistogramBucket[]> {
    const step = options.bucketSeconds;
    if (!Number.isInteger(step) || step <= 0) {
      throw new Error(`bucketSeconds must be a positive integer, got ${step}`);
    }
    const fromMs = Date.parse(scope.from);
    const toMs = Date.parse(scope.to);
    const count = Math.max(0, Math.ceil((toMs - fromMs) / (step * 1000)));
    const buckets: LogHistogramBucket[] = Array.from(
      { length: count },
      (_, i) => ({
        start: new Date(fromMs + i * step * 1000).toISOString(),
        counts: {},
      }),
    );
    if (count === 0 || scope.tenantIds?.length === 0) return buckets;
    // The sample at t counts the step before t: bucket i is the sample at from + (i + 1) * step.
    const series = await this.#client.queryRange('matrix', {
      query: levelCountsLogQl(this.#logQl(scope.query, scope.tenantIds), {
        stepSeconds: step,
        levelLabel: this.#labels.level,
      }),
      start: msToNs(fromMs + step * 1000),
      end: msToNs(fromMs + count * step * 1000),
      step,
    });
    for (const { metric, values } of series) {
      const level = levelFromLoki(metric[this.#labels.level]);
      for (const [seconds, value] of values) {
        const i = Math.round((seconds * 1000 - fromMs) / (step * 1000)) - 1;
        const n = Number(value);
        if (i < 0 || i >= count || !Number.isFinite(n) || n <= 0) continue;
        const counts = buckets[i].counts;
        counts[level] = (counts[level] ?? 0) + Math.round(n);
      }
    }
    return buckets;
  }

  async context(
    id: string,
    options: { before: number; after: number; tenantIds?: string[] },
  ): Promise<LogContext | undefined> {
    const key = decodeRecordId(id);
    if (!key) return undefined;
    const { tenantIds } = options;
    if (
      tenantIds &&
      !key.leftOut?.includes('tenant') &&
      !tenantIds.includes(key.tenant ?? '')
    ) {
      return undefined;
    }
    let service = key.service;
    if (key.leftOut?.includes('service')) {
      // a long service name: find the entry at its instant (within the tenants)
      const instant = await this.#readInstant(
        this.#logQl({ terms: [] }, tenantIds),
        key.ns,
        'forward',
      );
      service = instant.find(e => e.record.id === id)?.key.service;
    }
    if (!service) return undefined;
    const query = this.#logQl(
      {
        terms: [
          {
            kind: 'field',
            field: 'service',
            value: service,
            negated: false,
            start: 0,
            end: 0,
          },
        ],
      },
      tenantIds,
    );
    const [older, newer] = await Promise.all([
      this.#client.queryRange('streams', {
        query,
        start: key.ns - this.#contextWindowNs,
        end: key.ns + 1n,
        limit: options.before + CONTEXT_SLACK,
        direction: 'backward',
      }),
      this.#client.queryRange('streams', {
        query,
        start: key.ns,
        end: key.ns + this.#contextWindowNs,
        limit: options.after + CONTEXT_SLACK,
        direction: 'forward',
      }),
    ]);
    // each answer on its own: an entry in both must get the same id
    const entries = uniqueEntries(
      [
        ...streamsToEntries(older, this.#labels),
        ...streamsToEntries(newer, this.#labels),
      ].sort((a, b) => compareKeys(a.key, b.key)),
    );
    const at = entries.findIndex(e => e.record.id === id);
    if (at < 0) return undefined;
    return {
      before: entries
        .slice(Math.max(0, at - options.before), at)
        .map(e => e.record),
      record: entries[at].record,
      after: entries.slice(at + 1, at + 1 + options.after).map(e => e.record),
    };
  }

  async tail(
    scope: Omit<LogScope, 'from' | 'to'>,
    options: { after?: string; limit: number },
  ): Promise<{ records: LogRecord[]; cursor: string }> {
    const nowNs = msToNs(this.#now());
    const after: LokiPosition = options.after
      ? decodeCursor(options.after, 'forward')
      : { ns: nowNs, given: 0 };
    if (!options.after || scope.tenantIds?.length === 0) {
      return { records: [], cursor: encodeCursor(after) };
    }
    const { entries } = await this.#next({
      query: this.#logQl(scope.query, scope.tenantIds),
      direction: 'forward',
      start: after.ns,
      end: (nowNs > after.ns ? nowNs : after.ns) + 1n,
      after,
      limit: options.limit,
    });
    if (entries.length === 0) {
      return { records: [], cursor: encodeCursor(after) };
    }
    return {
      records: entries.map(e => e.record),
      cursor: encodeCursor(positionAfter(entries, after)),
    };
  }

  async topValues(
    scope: LogScope,
    options: { field: LogTopField; limit: number },
  ): Promise<Array<{ value: string; count: number }>> {
    if (scope.tenantIds?.length === 0) return [];
    const label = this.#labels[TOP_LABEL[options.field]];
    const fromMs = Date.parse(scope.from);
    const toMs = Date.parse(scope.to);
    const rangeSeconds = Math.max(1, Math.ceil((toMs - fromMs) / 1000));
    const samples = await this.#client.query({
      query: topValuesLogQl(this.#logQl(scope.query, scope.tenantIds), {
        label,
        // level values merge (warn + warning), so ask for every spelling
        limit:
          options.field === 'level' ? 2 * LOG_LEVELS.length : options.limit,
        rangeSeconds,
      }),
      time: msToNs(toMs),
    });
    const counts = new Map<string, number>();
    for (const { metric, value } of samples) {
      const raw = metric[label];
      const n = Number(value[1]);
      if (!raw || !Number.isFinite(n) || n <= 0) continue;
      const key: string =
        options.field === 'level' ? (levelFromLoki(raw) as LogLevel) : raw;
      counts.set(key, (counts.get(key) ?? 0) + Math.round(n));
    }
    return [...counts]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1))
      .slice(0, options.limit);
  }
}

function uniqueEntries(entries: LokiEntry[]): LokiEntry[] {
  return entries.filter(
    (e, i) => i === 0 || e.record.id !== entries[i - 1].record.id,
  );
}
