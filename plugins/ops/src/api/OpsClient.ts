import { parseEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  AuditEvent,
  EntityHealth,
  EntityHistory,
  FleetSummary,
  HealthRange,
  ProbeResult,
} from '@opsconsole/backstage-plugin-ops-common';
import { OpsApi, OpsEntityRef } from './OpsApi';

/**
 * Default {@link OpsApi} implementation: calls the ops backend through the
 * discovery and fetch APIs (so requests carry the user's Backstage token).
 *
 * @public
 */
export class OpsClient implements OpsApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  getFleetSummary(): Promise<FleetSummary> {
    return this.request('/health/fleet');
  }

  getEntityHealth(entityRef: OpsEntityRef): Promise<EntityHealth> {
    return this.request(entityPath(entityRef));
  }

  getEntityHistory(
    entityRef: OpsEntityRef,
    options?: { range?: HealthRange },
  ): Promise<EntityHistory> {
    const query = new URLSearchParams();
    if (options?.range) {
      query.set('range', options.range);
    }
    return this.request(`${entityPath(entityRef)}/history`, query);
  }

  probeEntity(entityRef: OpsEntityRef): Promise<ProbeResult> {
    return this.request(`${entityPath(entityRef)}/probe`, undefined, {
      method: 'POST',
    });
  }

  listAuditEvents(options?: {
    targetRef?: string;
    limit?: number;
  }): Promise<{ events: AuditEvent[] }> {
    const query = new URLSearchParams();
    if (options?.targetRef) {
      query.set('targetRef', options.targetRef);
    }
    if (options?.limit !== undefined) {
      query.set('limit', String(options.limit));
    }
    return this.request('/audit', query);
  }

  private async request<T>(
    path: string,
    query?: URLSearchParams,
    init?: RequestInit,
  ): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('ops');
    const search = query?.toString();
    const url = `${baseUrl}${path}${search ? `?${search}` : ''}`;
    const response = await this.fetchApi.fetch(url, init);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}

function entityPath(entityRef: OpsEntityRef): string {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  return `/health/entities/${[kind, namespace, name]
    .map(segment => encodeURIComponent(segment))
    .join('/')}`;
}
