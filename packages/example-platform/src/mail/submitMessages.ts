import { TenantFeatures } from '../features/TenantFeatures';
import { OutboundEmail, OutboundQueue } from '../queue/types';

/** What {@link submitMessages} did. */
export interface SubmittedMessages {
  queued: number;
  /** Whether the AI composer was on, per tenant that sent mail. */
  aiComposer: Record<string, boolean>;
}

/**
 * Sends mail for tenants the way the api role does: evaluates the tenant's
 * `ai-composer` feature (cached per tenant) and puts the emails on the
 * tenants' outbound queues.
 */
export async function submitMessages(
  deps: { queue: OutboundQueue; features: TenantFeatures },
  emails: readonly OutboundEmail[],
): Promise<SubmittedMessages> {
  const tenantIds = [...new Set(emails.map(m => m.tenantId))];
  const values = await Promise.all(
    tenantIds.map(id => deps.features.aiComposer(id)),
  );
  return {
    queued: await deps.queue.enqueue(emails),
    aiComposer: Object.fromEntries(tenantIds.map((id, i) => [id, values[i]])),
  };
}
