import { PlatformRepository } from '../db/repository';
import { NewMessage } from '../db/types';
import { TenantFeatures } from '../features/TenantFeatures';

/** What {@link submitMessages} did. */
export interface SubmittedMessages {
  queued: number;
  /** Whether the AI composer was on, per tenant that sent mail. */
  aiComposer: Record<string, boolean>;
}

/**
 * Sends mail for tenants the way the api role does: evaluates the tenant's
 * `ai-composer` feature (cached per tenant) and puts the messages on the
 * outbound queue.
 */
export async function submitMessages(
  deps: { repository: PlatformRepository; features: TenantFeatures },
  messages: readonly NewMessage[],
): Promise<SubmittedMessages> {
  const tenantIds = [...new Set(messages.map(m => m.tenantId))];
  const values = await Promise.all(
    tenantIds.map(id => deps.features.aiComposer(id)),
  );
  return {
    queued: deps.repository.enqueueMessages([...messages]),
    aiComposer: Object.fromEntries(tenantIds.map((id, i) => [id, values[i]])),
  };
}
