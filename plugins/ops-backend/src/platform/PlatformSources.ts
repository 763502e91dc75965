import { PlatformAdminProvider } from '@opsconsole/backstage-plugin-ops-node';
import { ProviderSources } from '../sources/ProviderSources';
import { SourceTracker } from '../sources/SourceTracker';

export { SourceTracker } from '../sources/SourceTracker';
export type { ProviderAnswer } from '../sources/ProviderSources';

/**
 * The platform providers ops-backend reads tenants, users, logins and deliverability from
 * (the built-in Platform Admin API client plus modules' providers), called with a timeout.
 * A provider that throws or times out is recorded in the request's {@link SourceTracker}
 * and left out of the answer; the others still answer.
 */
export class PlatformSources extends ProviderSources<PlatformAdminProvider> {
  constructor(providers: readonly PlatformAdminProvider[], timeoutMs = 10_000) {
    super(providers, timeoutMs, 'Platform source');
  }

  /**
   * The providers that know a tenant, each with its record. Per-tenant calls go only to
   * them: a platform that does not know a tenant may answer 404, which is not a failure.
   */
  async tenantOwners(tenantId: string, tracker: SourceTracker) {
    const answers = await this.all(tracker, p => p.getTenant(tenantId));
    return answers.flatMap(a =>
      a.value ? [{ provider: a.provider, value: a.value }] : [],
    );
  }
}
