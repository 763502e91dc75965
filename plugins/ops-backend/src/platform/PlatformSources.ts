import { SourceStatus } from '@opsconsole/backstage-plugin-ops-common';
import { PlatformAdminProvider } from '@opsconsole/backstage-plugin-ops-node';

/** What one provider answered to a fanned-out call. */
export interface ProviderAnswer<T> {
  provider: PlatformAdminProvider;
  value: T;
}

/**
 * Records how each platform source did during one request, so the answer can carry a
 * `sources` list: a provider that failed once in the request is reported degraded.
 */
export class SourceTracker {
  private readonly statuses = new Map<string, SourceStatus>();

  ok(providerId: string) {
    if (!this.statuses.has(providerId)) {
      this.statuses.set(providerId, { id: providerId, status: 'ok' });
    }
  }

  failed(providerId: string, error: unknown) {
    this.statuses.set(providerId, {
      id: providerId,
      status: 'degraded',
      error: error instanceof Error ? error.message : String(error),
    });
  }

  list(): SourceStatus[] {
    return [...this.statuses.values()].sort((a, b) => a.id.localeCompare(b.id));
  }

  get hasFailures(): boolean {
    return this.list().some(s => s.status !== 'ok');
  }

  /** One-line description of the failed sources, for error messages. */
  describeFailures(): string {
    return this.list()
      .filter(s => s.status !== 'ok')
      .map(s => `${s.id}: ${s.error}`)
      .join('; ');
  }
}

/**
 * The platform providers ops-backend reads tenants, users, logins and deliverability from
 * (the built-in Platform Admin API client plus modules' providers), called with a timeout.
 * A provider that throws or times out is recorded in the request's {@link SourceTracker}
 * and left out of the answer; the others still answer.
 */
export class PlatformSources {
  constructor(
    readonly providers: readonly PlatformAdminProvider[],
    private readonly timeoutMs = 10_000,
  ) {}

  /** Calls every provider (in parallel); answers of the providers that succeeded. */
  async all<T>(
    tracker: SourceTracker,
    call: (provider: PlatformAdminProvider) => Promise<T>,
  ): Promise<ProviderAnswer<T>[]> {
    return this.some(this.providers, tracker, call);
  }

  /** Like {@link PlatformSources.all}, for a subset of the providers. */
  async some<T>(
    providers: readonly PlatformAdminProvider[],
    tracker: SourceTracker,
    call: (provider: PlatformAdminProvider) => Promise<T>,
  ): Promise<ProviderAnswer<T>[]> {
    const settled = await Promise.all(
      providers.map(async provider => {
        try {
          const value = await this.withTimeout(provider, call);
          tracker.ok(provider.id);
          return [{ provider, value }];
        } catch (error) {
          tracker.failed(provider.id, error);
          return [];
        }
      }),
    );
    return settled.flat();
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

  private withTimeout<T>(
    provider: PlatformAdminProvider,
    call: (provider: PlatformAdminProvider) => Promise<T>,
  ): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new Error(
              `Platform source ${provider.id} did not answer within ${this.timeoutMs} ms`,
            ),
          ),
        this.timeoutMs,
      );
    });
    return Promise.race([call(provider), timeout]).finally(() =>
      clearTimeout(timer),
    );
  }
}
