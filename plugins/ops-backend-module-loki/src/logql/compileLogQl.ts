// Compiles a parsed log query (ops-common's parseLogQuery) to LogQL for Loki.

import {
  LogQuery,
  LogQueryTerm,
  logLevelsMatching,
} from '@opsconsole/backstage-plugin-ops-common';
import { lokiLevelValues } from './levels';
import {
  MATCH_NOTHING,
  isLabelName,
  labelNameFor,
  logQlString,
  regexLiteral,
} from './literals';

/** The Loki label names the query fields map to. @public */
export interface LokiLabelNames {
  /** Stream label of the service. Default `service_name` (Loki's name for OTLP `service.name`). */
  service: string;
  /** Label of the tenant. Default `tenant`. */
  tenant: string;
  /** Label of the level. Default `detected_level` (filled by Loki 3 for OTLP and detected levels). */
  level: string;
  /** Label of the trace id. Default `trace_id` (OTLP structured metadata). */
  trace: string;
}

/** @public */
export const DEFAULT_LOKI_LABELS: LokiLabelNames = {
  service: 'service_name',
  tenant: 'tenant',
  level: 'detected_level',
  trace: 'trace_id',
};

/**
 * How `attr.<key>:value` terms are read: `labels` (default) filters the label
 * `<key>` (structured metadata, as Loki stores OTLP attributes, or a stream label);
 * `json` / `logfmt` parse the line first (`| json | key="value"`), and then the
 * parser runs in every query so records keep the same labels (and ids) everywhere.
 * @public
 */
export type LokiAttributeParser = 'labels' | 'json' | 'logfmt';

/** @public */
export interface CompileLogQlOptions {
  /** Only these tenants' records (`tenant=~"a|b"`); an empty list matches nothing. */
  tenantIds?: string[];
  labels?: Partial<LokiLabelNames>;
  /**
   * Whether the tenant label is a stream (index) label, matched in the stream
   * selector (default), or structured metadata, matched by a label filter.
   */
  tenantInSelector?: boolean;
  attributeParser?: LokiAttributeParser;
  /** Free text matched case-insensitively (`|~ "(?i)..."`) instead of exactly (`|= "..."`). */
  caseInsensitiveText?: boolean;
}

interface Parts {
  matchers: string[];
  positive: boolean;
  lineFilters: string[];
  labelFilters: string[];
  attrFilters: string[];
}

function equality(label: string, value: string, negated: boolean): string {
  return `${label}${negated ? '!=' : '='}${logQlString(value)}`;
}

function addTerm(
  term: LogQueryTerm,
  parts: Parts,
  labels: LokiLabelNames,
  options: CompileLogQlOptions,
): void {
  switch (term.kind) {
    case 'text':
      if (options.caseInsensitiveText) {
        parts.lineFilters.push(
          `${term.negated ? '!~' : '|~'} ${logQlString(
            `(?i)${regexLiteral(term.value)}`,
          )}`,
        );
      } else {
        parts.lineFilters.push(
          `${term.negated ? '!=' : '|='} ${logQlString(term.value)}`,
        );
      }
      return;
    case 'field':
      if (
        term.field === 'service' ||
        (term.field === 'tenant' && options.tenantInSelector !== false)
      ) {
        const label = term.field === 'service' ? labels.service : labels.tenant;
        parts.matchers.push(equality(label, term.value, term.negated));
        parts.positive ||= !term.negated;
      } else {
        const label = term.field === 'tenant' ? labels.tenant : labels.trace;
        parts.labelFilters.push(equality(label, term.value, term.negated));
      }
      return;
    case 'attr':
      parts.attrFilters.push(
        equality(labelNameFor(term.key), term.value, term.negated),
      );
      return;
    case 'level': {
      const values = lokiLevelValues(logLevelsMatching(term.op, term.level));
      if (term.negated && values.length === 0) return; // not (nothing) = everything
      const pattern = values.length > 0 ? values.join('|') : MATCH_NOTHING;
      parts.labelFilters.push(
        `${labels.level}${term.negated ? '!~' : '=~'}${logQlString(pattern)}`,
      );
      return;
    }
    default:
      return;
  }
}

/**
 * Compiles a parsed log query to a LogQL log query:
 * `{service_name="mailer", tenant="acme"} |= "connection refused" != "healthcheck" | detected_level=~"warn|warning|error|err|fatal|critical" | trace_id="abc"`.
 *
 * - `service:` and `tenant:` are label matchers in the stream selector (`!=` when
 *   negated); a selector needs one positive matcher, so without one it gets
 *   `service_name=~".+"`. The tenant scope is `tenant=~"a|b"` (regex-escaped).
 * - Words and phrases are literal line filters `|= "text"` / `!= "text"`.
 * - `level>=warn` is a label filter with the matching levels as a regex.
 * - `trace:<id>` is a label filter on the trace label; `attr.key:value` a label
 *   filter on `key` (normalised like Loki's OTLP labels), after `| json` or
 *   `| logfmt` when so configured.
 *
 * Every value is a quoted, escaped string literal; nothing from the query becomes
 * LogQL syntax.
 * @public
 */
export function compileLogQl(
  query: LogQuery,
  options: CompileLogQlOptions = {},
): string {
  const labels = { ...DEFAULT_LOKI_LABELS, ...options.labels };
  for (const [field, name] of Object.entries(labels)) {
    if (!isLabelName(name)) {
      throw new Error(
        `Loki label name for ${field} must match [A-Za-z_][A-Za-z0-9_]*, got "${name}"`,
      );
    }
  }
  const parts: Parts = {
    matchers: [],
    positive: false,
    lineFilters: [],
    labelFilters: [],
    attrFilters: [],
  };
  for (const term of query.terms) {
    addTerm(term, parts, labels, options);
  }
  if (options.tenantIds) {
    const ids = options.tenantIds.filter(id => id !== '');
    const scope = `${labels.tenant}=~${logQlString(
      ids.length > 0 ? ids.map(regexLiteral).join('|') : MATCH_NOTHING,
    )}`;
    if (options.tenantInSelector === false) {
      parts.labelFilters.push(scope);
    } else {
      parts.matchers.push(scope);
      parts.positive = true;
    }
  }
  if (!parts.positive) {
    parts.matchers.unshift(`${labels.service}=~".+"`);
  }

  const parser = options.attributeParser ?? 'labels';
  const stages = [
    ...parts.lineFilters,
    ...parts.labelFilters.map(f => `| ${f}`),
    ...(parser === 'labels' ? [] : [`| ${parser}`]),
    ...parts.attrFilters.map(f => `| ${f}`),
  ];
  return [`{${parts.matchers.join(', ')}}`, ...stages].join(' ');
}

/**
 * The level histogram of a log query: `sum by (<level>) (count_over_time(<query> [<step>s]))`.
 * @public
 */
export function levelCountsLogQl(
  logQl: string,
  options: { stepSeconds: number; levelLabel?: string },
): string {
  const level = options.levelLabel ?? DEFAULT_LOKI_LABELS.level;
  return `sum by (${level}) (count_over_time(${logQl} [${options.stepSeconds}s]))`;
}

/**
 * The most frequent values of a label: `topk(N, sum by (<label>) (count_over_time(<query> [<range>s])))`.
 * @public
 */
export function topValuesLogQl(
  logQl: string,
  options: { label: string; limit: number; rangeSeconds: number },
): string {
  return `topk(${options.limit}, sum by (${options.label}) (count_over_time(${logQl} [${options.rangeSeconds}s])))`;
}
