import {
  Client,
  EvaluationDetails,
  NOOP_PROVIDER,
  OpenFeature,
} from '@openfeature/server-sdk';
import { OFREPProvider } from '@openfeature/ofrep-provider';
import { FeatureEvaluationRepository } from '../db/FeatureEvaluationRepository';
import { PlatformLogger } from '../logger';

/** The flag the api role evaluates when it sends mail for a tenant. */
export const AI_COMPOSER_FLAG = 'ai-composer';

/**
 * Where the platform evaluates its feature flags: an OFREP server such as
 * the Ops Console (`POST <url>/ofrep/v1/evaluate/flags/{key}`).
 *
 * @public
 */
export interface OfrepOptions {
  /** Base URL, e.g. `http://localhost:7007/api/ops`. */
  url: string;
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
  /** Timeout of one evaluation request. Default 2000 ms. */
  timeoutMs?: number;
}

export interface TenantFeaturesOptions {
  /** Undefined: no provider is set and OpenFeature's default provider answers. */
  ofrep?: OfrepOptions;
  /** How long an evaluation is reused per tenant. */
  cacheMs: number;
  store: FeatureEvaluationRepository;
  logger: PlatformLogger;
  now?: () => Date;
}

let domainCounter = 0;

/**
 * Evaluates the platform's feature flags for tenants through OpenFeature
 * (with the OFREP provider when configured) and records every evaluation,
 * so the Platform Admin API can report the value last evaluated per tenant.
 * Each instance binds its provider to its own OpenFeature domain, so several
 * platforms can run in one process.
 */
export class TenantFeatures {
  readonly #client: Client;
  readonly #domain: string;
  readonly #bound: boolean;
  readonly #options: TenantFeaturesOptions;
  readonly #cache = new Map<string, { at: number; value: Promise<boolean> }>();
  readonly #inFlight = new Set<Promise<unknown>>();

  constructor(options: TenantFeaturesOptions) {
    this.#options = options;
    this.#domain = `example-platform-${process.pid}-${++domainCounter}`;
    this.#bound = options.ofrep !== undefined;
    if (options.ofrep) {
      const { url, token, timeoutMs = 2000 } = options.ofrep;
      OpenFeature.setProvider(
        this.#domain,
        new OFREPProvider({
          baseUrl: url,
          headers: token ? { Authorization: `Bearer ${token}` } : undefined,
          fetchImplementation: (input, init) =>
            fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) }),
        }),
      );
    }
    this.#client = OpenFeature.getClient(this.#domain);
  }

  /**
   * Whether the AI composer is on for the tenant. Evaluated at most once per
   * `cacheMs` per tenant (concurrent callers share one evaluation).
   */
  aiComposer(tenantId: string): Promise<boolean> {
    const now = (this.#options.now ?? (() => new Date()))().getTime();
    const cached = this.#cache.get(tenantId);
    if (cached && now - cached.at < this.#options.cacheMs) {
      return cached.value;
    }
    const value = this.#track(this.#evaluate(tenantId, now));
    this.#cache.set(tenantId, { at: now, value });
    return value;
  }

  /** Waits for evaluations in flight and unbinds the provider. */
  async close(): Promise<void> {
    await Promise.allSettled([...this.#inFlight]);
    if (this.#bound) {
      await OpenFeature.setProviderAndWait(this.#domain, NOOP_PROVIDER);
    }
  }

  async #evaluate(tenantId: string, now: number): Promise<boolean> {
    const details: EvaluationDetails<boolean> =
      await this.#client.getBooleanDetails(AI_COMPOSER_FLAG, false, {
        targetingKey: tenantId,
        tenantId,
      });
    try {
      this.#options.store.record(tenantId, {
        flagKey: details.flagKey,
        value: details.value,
        variant: details.variant,
        reason: details.reason ?? 'UNKNOWN',
        errorCode: details.errorCode,
        errorMessage: details.errorMessage,
        evaluatedAt: new Date(now).toISOString(),
      });
    } catch (error) {
      this.#options.logger.warn('could not record a feature evaluation', {
        tenantId,
        flagKey: details.flagKey,
        error: String(error),
      });
    }
    if (details.errorCode) {
      this.#options.logger.debug(`${AI_COMPOSER_FLAG} evaluation failed`, {
        tenantId,
        errorCode: details.errorCode,
        errorMessage: details.errorMessage,
      });
    }
    return details.value;
  }

  #track<T>(promise: Promise<T>): Promise<T> {
    this.#inFlight.add(promise);
    promise.finally(() => this.#inFlight.delete(promise)).catch(() => {});
    return promise;
  }
}
