/** Prefix of every tenant's outbound queue name. @public */
export const OUTBOUND_QUEUE_PREFIX = 'outbound-email-';

/** Name of a tenant's outbound queue: `outbound-email-<tenantId>` (BullMQ refuses `:`). @public */
export function outboundQueueName(tenantId: string): string {
  return `${OUTBOUND_QUEUE_PREFIX}${tenantId}`;
}

/** Job name of an outbound email. */
export const SEND_EMAIL_JOB = 'send-email';
