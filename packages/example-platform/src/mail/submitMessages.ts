import { TenantFeatures } from '../features/TenantFeatures';
import { PlatformLogger } from '../logger';
import { OutboundEmail, OutboundQueue } from '../queue/types';
import { traceIdsOfEmail, withTraceparent } from '../telemetry/traceContext';

/** What {@link submitMessages} did. */
export interface SubmittedMessages {
  queued: number;
  /** Whether the AI composer was on, per tenant that sent mail. */
  aiComposer: Record<string, boolean>;
}

/**
 * Sends mail for tenants the way the api role does: evaluates the tenant's
 * `ai-composer` feature (cached per tenant) and puts the emails on the
 * tenants' outbound queues, each with a `traceparent` header starting the
 * trace of its mail job (logged at debug; the worker logs the delivery in
 * the same trace).
 */
export async function submitMessages(
  deps: {
    queue: OutboundQueue;
    features: TenantFeatures;
    logger: PlatformLogger;
  },
  emails: readonly OutboundEmail[],
): Promise<SubmittedMessages> {
  const tenantIds = [...new Set(emails.map(m => m.tenantId))];
  const values = await Promise.all(
    tenantIds.map(id => deps.features.aiComposer(id)),
  );
  const traced = emails.map(withTraceparent);
  const queued = await deps.queue.enqueue(traced);
  for (const email of traced) {
    deps.logger.debug(`queued mail for tenant ${email.tenantId}`, {
      tenantId: email.tenantId,
      ...traceIdsOfEmail(email),
    });
  }
  return {
    queued,
    aiComposer: Object.fromEntries(tenantIds.map((id, i) => [id, values[i]])),
  };
}
