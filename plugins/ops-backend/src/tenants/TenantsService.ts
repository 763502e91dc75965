import {
  DeliverabilityRange,
  TenantDeliverability,
  TenantDetail,
  TenantTimeline,
  tenantEntityRef,
} from '@opsconsole/backstage-plugin-ops-common';
import { AuditService } from '../audit/AuditService';
import { tenantNotFoundOrUnavailable } from '../platform/notFoundOrUnavailable';
import { PlatformSources, SourceTracker } from '../platform/PlatformSources';
import { piiMasker } from '../pii/masking';
import {
  bucketPoints,
  deliverabilityWindow,
  totalOf,
  withRates,
} from './deliverability';

export interface TenantsServiceOptions {
  sources: PlatformSources;
  audit: AuditService;
  now?: () => number;
}

/** A tenant's operational data: the platform's view, deliverability, timeline. */
export class TenantsService {
  private readonly sources: PlatformSources;
  private readonly audit: AuditService;
  private readonly now: () => number;

  constructor(options: TenantsServiceOptions) {
    this.sources = options.sources;
    this.audit = options.audit;
    this.now = options.now ?? Date.now;
  }

  private ref(tenantId: string) {
    return { id: tenantId, entityRef: tenantEntityRef(tenantId) };
  }

  /** The platform's view of a tenant; the admin email is masked unless `reveal`. */
  async getTenant(params: {
    tenantId: string;
    reveal: boolean;
  }): Promise<TenantDetail> {
    const tracker = new SourceTracker();
    const [owner] = await this.sources.tenantOwners(params.tenantId, tracker);
    if (!owner) {
      throw tenantNotFoundOrUnavailable(params.tenantId, tracker);
    }
    const t = owner.value;
    return {
      tenant: {
        id: t.id,
        entityRef: tenantEntityRef(t.id),
        name: t.name,
        tier: t.tier,
        region: t.region,
        status: t.status,
        adminEmail: piiMasker(params.reveal).email(t.adminEmail),
        adminName: t.adminName,
        createdAt: t.createdAt,
        source: owner.provider.id,
      },
      revealed: params.reveal,
      sources: tracker.list(),
    };
  }

  /**
   * The tenant's deliverability per bucket and the fleet's (every tenant of every source)
   * over the same buckets. A failed source is listed in `sources`; if no source that
   * answered knows the tenant, 404 (or 503 when a source failed).
   */
  async getDeliverability(params: {
    tenantId: string;
    range: DeliverabilityRange;
  }): Promise<TenantDeliverability> {
    const tracker = new SourceTracker();
    const grid = deliverabilityWindow(params.range, this.now());
    const window = {
      from: new Date(grid.from).toISOString(),
      to: new Date(grid.to).toISOString(),
      intervalSeconds: grid.bucketSeconds,
    };
    const [owners, fleet] = await Promise.all([
      this.sources.tenantOwners(params.tenantId, tracker),
      this.sources.all(tracker, p => p.getDeliverability(window)),
    ]);
    if (owners.length === 0) {
      throw tenantNotFoundOrUnavailable(params.tenantId, tracker);
    }
    const tenant = await this.sources.some(
      owners.map(o => o.provider),
      tracker,
      p => p.getDeliverability({ ...window, tenantId: params.tenantId }),
    );
    const tenantBuckets = bucketPoints(
      tenant.map(a => a.value),
      grid,
    );
    const fleetBuckets = bucketPoints(
      fleet.map(a => a.value),
      grid,
    );
    return {
      tenant: this.ref(params.tenantId),
      range: params.range,
      bucketSeconds: grid.bucketSeconds,
      from: window.from,
      to: window.to,
      buckets: tenantBuckets.map((counts, i) => ({
        start: new Date(grid.from + i * grid.bucketMs).toISOString(),
        tenant: withRates(counts),
        fleet: withRates(fleetBuckets[i]),
      })),
      totals: {
        tenant: withRates(totalOf(tenantBuckets)),
        fleet: withRates(totalOf(fleetBuckets)),
      },
      sources: tracker.list(),
    };
  }

  /** Audit events whose target is the tenant's entity ref, newest first. */
  async getTimeline(params: {
    tenantId: string;
    limit: number;
  }): Promise<TenantTimeline> {
    const tenant = this.ref(params.tenantId);
    return {
      tenant,
      events: await this.audit.list({
        targetRef: tenant.entityRef,
        limit: params.limit,
      }),
    };
  }
}
