import { SourceTracker } from './SourceTracker';
import { withTimeout } from './withTimeout';

/** What one provider answered to a fanned-out call. */
export interface ProviderAnswer<P, T> {
  provider: P;
  value: T;
}

/**
 * A set of providers of one kind of data (platforms, queues...), each called with a timeout.
 * A provider that throws or times out is recorded in the request's {@link SourceTracker} and
 * left out of the answer; the others still answer.
 */
export class ProviderSources<P extends { readonly id: string }> {
  constructor(
    readonly providers: readonly P[],
    protected readonly timeoutMs = 10_000,
    /** Names the kind of source in timeout errors, e.g. `Platform source`. */
    private readonly label = 'Source',
  ) {}

  /** Calls every provider (in parallel); answers of the providers that succeeded. */
  async all<T>(
    tracker: SourceTracker,
    call: (provider: P) => Promise<T>,
  ): Promise<ProviderAnswer<P, T>[]> {
    return this.some(this.providers, tracker, call);
  }

  /** Like {@link ProviderSources.all}, for a subset of the providers. */
  async some<T>(
    providers: readonly P[],
    tracker: SourceTracker,
    call: (provider: P) => Promise<T>,
  ): Promise<ProviderAnswer<P, T>[]> {
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

  private withTimeout<T>(
    provider: P,
    call: (provider: P) => Promise<T>,
  ): Promise<T> {
    return withTimeout(
      call(provider),
      this.timeoutMs,
      () =>
        new Error(
          `${this.label} ${provider.id} did not answer within ${this.timeoutMs} ms`,
        ),
    );
  }
}
