import { InputError } from '@backstage/errors';
import { isTenantId } from '@opsconsole/backstage-plugin-ops-common';

/** Maps queue names to tenants with a pattern such as `outbound-email-{tenant}`. */
export interface TenantQueuePattern {
  /** The tenant a queue belongs to, or undefined for a shared queue. */
  tenantOf(queueName: string): string | undefined;
}

const PLACEHOLDER = '{tenant}';

const escapeRegExp = (text: string) =>
  text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Compiles a queue name pattern with exactly one `{tenant}` placeholder; the placeholder
 * matches a tenant id (a lower-case slug, `isTenantId`). A queue whose name holds anything
 * else there (`outbound-email-Acme`, `outbound-email-acme:eu`) belongs to no tenant: the
 * console could not address that tenant, so it is listed as a shared queue.
 */
export function parseTenantQueuePattern(pattern: string): TenantQueuePattern {
  const parts = pattern.split(PLACEHOLDER);
  if (parts.length !== 2) {
    throw new InputError(
      `Invalid ops.queues.bullmq.tenantQueuePattern "${pattern}": it must contain ${PLACEHOLDER} exactly once`,
    );
  }
  const [before, after] = parts.map(escapeRegExp);
  const regExp = new RegExp(`^${before}(.+)${after}$`);
  return {
    tenantOf(queueName) {
      const tenant = regExp.exec(queueName)?.[1];
      return tenant !== undefined && isTenantId(tenant) ? tenant : undefined;
    },
  };
}
