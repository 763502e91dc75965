import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { RedactionRules } from './redactPayload';

/**
 * Annotation on a Tenant entity naming more payload fields to remove from that tenant's
 * samples, as a comma list of dotted paths, e.g. `data.customerId, metadata.notes`.
 */
export const OPS_REDACT_FIELDS_ANNOTATION = 'opsconsole.io/redact-fields';

export const DEFAULT_REDACTION_RULES: RedactionRules = {
  maxBodyChars: 200,
  removeFields: [
    'headers.authorization',
    'headers.cookie',
    'headers.x-api-key',
    'attachments',
  ],
};

/** `ops.queues.redaction`: rules for every queue, and additions per queue name. */
export interface RedactionConfig {
  defaults: RedactionRules;
  queues: Record<string, Partial<RedactionRules>>;
}

function readMaxBodyChars(config: Config, key: string): number | undefined {
  const value = config.getOptionalNumber(key);
  if (value !== undefined && (!Number.isInteger(value) || value < 1)) {
    throw new InputError(
      `ops.queues.redaction: ${key} must be a positive integer, got ${value}`,
    );
  }
  return value;
}

export function readRedactionConfig(root: Config): RedactionConfig {
  const config = root.getOptionalConfig('ops.queues.redaction');
  const queues: RedactionConfig['queues'] = {};
  const perQueue = config?.getOptionalConfig('queues');
  for (const name of perQueue?.keys() ?? []) {
    const q = perQueue!.getConfig(name);
    queues[name] = {
      maxBodyChars: readMaxBodyChars(q, 'maxBodyChars'),
      removeFields: q.getOptionalStringArray('removeFields'),
    };
  }
  return {
    defaults: {
      maxBodyChars:
        (config && readMaxBodyChars(config, 'maxBodyChars')) ??
        DEFAULT_REDACTION_RULES.maxBodyChars,
      removeFields:
        config?.getOptionalStringArray('removeFields') ??
        DEFAULT_REDACTION_RULES.removeFields,
    },
    queues,
  };
}

/** `"a.b, c ,,d"` → `['a.b', 'c', 'd']`. */
export function parseRedactFieldsAnnotation(value: string | undefined) {
  return (value ?? '')
    .split(',')
    .map(f => f.trim())
    .filter(f => f.length > 0);
}

/**
 * The rules for one queue: the queue's `maxBodyChars` if set, else the default; the fields
 * removed are the union of the defaults, the queue's and the tenant's (annotation), so a
 * per-queue or per-tenant setting can only remove more.
 */
export function rulesForQueue(
  config: RedactionConfig,
  queueName: string,
  tenantFields: string[],
): RedactionRules {
  const queue = config.queues[queueName] ?? {};
  return {
    maxBodyChars: queue.maxBodyChars ?? config.defaults.maxBodyChars,
    removeFields: [
      ...new Set([
        ...config.defaults.removeFields,
        ...(queue.removeFields ?? []),
        ...tenantFields,
      ]),
    ],
  };
}
