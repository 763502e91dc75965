import { AuthService } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { ServiceUnavailableError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  getTenantPlatformId,
  isTenantEntity,
  TENANT_KIND,
  TenantEntityV1alpha1,
  TenantTier,
} from '@opsconsole/backstage-plugin-ops-common';
import { withTimeout } from '../sources/withTimeout';

/** What the queues know of a tenant from its catalog entity. */
export interface TenantInfo {
  tier?: TenantTier;
  /** The owning group or user, as a full entity ref. */
  ownerRef?: string;
}

/** Tier and owner of tenants, by platform id. */
export interface TenantInfoSource {
  readonly id: string;
  getTenants(): Promise<Map<string, TenantInfo>>;
}

/** The tenant's owner as a full entity ref (`spec.owner` may be shorthand). */
export function tenantOwnerRef(entity: Entity): string | undefined {
  const owner = entity.spec?.owner;
  if (typeof owner !== 'string' || owner.length === 0) return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(owner, {
        defaultKind: 'group',
        defaultNamespace: entity.metadata.namespace ?? 'default',
      }),
    );
  } catch {
    return undefined;
  }
}

/** One read of the catalog's Tenant entities, indexed as its readers look them up. */
interface Snapshot {
  tenants: TenantEntityV1alpha1[];
  tenantIds: string[];
  byTenantId: Map<string, TenantEntityV1alpha1>;
  info: Map<string, TenantInfo>;
  /** Every entity of kind Tenant by lower-case entity ref, for the permission framework. */
  byRef: Map<string, Entity>;
}

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');

function index(entities: Entity[]): Snapshot {
  const tenants = entities.filter(isTenantEntity);
  const byTenantId = new Map(tenants.map(e => [getTenantPlatformId(e), e]));
  return {
    tenants,
    tenantIds: [...byTenantId.keys()].sort(),
    byTenantId,
    info: new Map(
      tenants.map(e => [
        getTenantPlatformId(e),
        { tier: e.spec.tier, ownerRef: tenantOwnerRef(e) },
      ]),
    ),
    byRef: new Map(entities.map(e => [lower(stringifyEntityRef(e)), e])),
  };
}

export interface TenantDirectoryOptions {
  catalog: CatalogService;
  auth: AuthService;
  /** How long one read of the catalog serves. Default 60 s: tenants change rarely. */
  ttlMs?: number;
  /** How long the catalog may take to answer. Default 10 s. */
  timeoutMs?: number;
}

/**
 * The tenants of the console: the catalog's Tenant entities, identified by their platform
 * id. Flags, queues, samples, logs and the authorization of tenant actions all read them
 * here, from one read of the catalog kept for `ttlMs` and shared by concurrent callers. A
 * failed read, or one that finds no tenant (not ingested yet, e.g. right after start), is
 * not kept, so the next call asks again. The catalog's own errors are passed on as they
 * are: they may name internal hosts, so callers log them rather than show them.
 */
export class TenantDirectory implements TenantInfoSource {
  /** Shown in `sources` lists. */
  readonly id = 'tenants:catalog';
  readonly #catalog: CatalogService;
  readonly #auth: AuthService;
  readonly #ttlMs: number;
  readonly #timeoutMs: number;
  #cached?: { at: number; snapshot: Promise<Snapshot> };

  constructor(options: TenantDirectoryOptions) {
    this.#catalog = options.catalog;
    this.#auth = options.auth;
    this.#ttlMs = options.ttlMs ?? 60_000;
    this.#timeoutMs = options.timeoutMs ?? 10_000;
  }

  /** Every Tenant entity. */
  async listTenants(): Promise<TenantEntityV1alpha1[]> {
    return (await this.#snapshot()).tenants;
  }

  /** The platform ids of every tenant, sorted. */
  async listTenantIds(): Promise<string[]> {
    return (await this.#snapshot()).tenantIds;
  }

  /** The Tenant entity of a platform id. */
  async getTenant(tenantId: string): Promise<TenantEntityV1alpha1 | undefined> {
    return (await this.#snapshot()).byTenantId.get(tenantId);
  }

  /** Tier and owner of every tenant, by platform id. */
  async getTenants(): Promise<Map<string, TenantInfo>> {
    return (await this.#snapshot()).info;
  }

  /** Entities of kind Tenant by entity ref; other refs resolve to undefined. */
  async getEntitiesByRefs(refs: string[]): Promise<Array<Entity | undefined>> {
    const { byRef } = await this.#snapshot();
    return refs.map(ref => byRef.get(lower(ref)));
  }

  #snapshot(): Promise<Snapshot> {
    const now = Date.now();
    if (!this.#cached || now - this.#cached.at > this.#ttlMs) {
      const snapshot = this.#read().then(index);
      const cached = { at: now, snapshot };
      this.#cached = cached;
      const forget = () => {
        if (this.#cached === cached) this.#cached = undefined;
      };
      snapshot.then(s => {
        if (s.byRef.size === 0) forget();
      }, forget);
    }
    return this.#cached.snapshot;
  }

  async #read(): Promise<Entity[]> {
    const credentials = await this.#auth.getOwnServiceCredentials();
    const { items } = await withTimeout(
      this.#catalog.getEntities(
        { filter: { kind: TENANT_KIND } },
        { credentials },
      ),
      this.#timeoutMs,
      () =>
        new ServiceUnavailableError(
          `The catalog did not list the tenants within ${this.#timeoutMs} ms`,
        ),
    );
    return items;
  }
}
