import { DeliveryResult } from '../db/types';
import { PlatformLogger } from '../logger';
import { OutboundEmail } from '../queue/types';
import { newTraceIds, traceIdsOfEmail } from '../telemetry/traceContext';

function domainOf(address: string | undefined): string | undefined {
  return address?.slice(address.lastIndexOf('@') + 1) || undefined;
}

/**
 * Logs what became of one email, in the trace of its mail job (the
 * `traceparent` the api role gave it; a new span for the delivery): sent at
 * info, bounces and complaints at warn, failures at error.
 */
export function logDelivery(
  logger: PlatformLogger,
  email: OutboundEmail,
  result: DeliveryResult,
): void {
  const meta = {
    tenantId: email.tenantId,
    traceId: traceIdsOfEmail(email).traceId,
    spanId: newTraceIds().spanId,
    'mail.recipients': email.to.length + (email.cc?.length ?? 0),
    'mail.recipient_domain': domainOf(email.to[0]),
    'mail.outcome': typeof result === 'string' ? result : 'failed',
  };
  const tenant = `tenant ${email.tenantId}`;
  if (typeof result !== 'string') {
    logger.error(`delivery failed for ${tenant}: ${result.failedReason}`, meta);
  } else if (result === 'bounced') {
    logger.warn(
      `mail bounced for ${tenant}: 550 5.1.1 recipient address rejected`,
      meta,
    );
  } else if (result === 'complained') {
    logger.warn(
      `spam complaint for ${tenant}: recipient marked the message as junk`,
      meta,
    );
  } else {
    logger.info(`mail sent for ${tenant}`, meta);
  }
}
