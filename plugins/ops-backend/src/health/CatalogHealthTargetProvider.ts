import { AuthService } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { OPS_HEALTH_URL_ANNOTATION } from '@opsconsole/backstage-plugin-ops-common';
import {
  HealthTarget,
  HealthTargetProvider,
} from '@opsconsole/backstage-plugin-ops-node';

function refOrUndefined(
  value: unknown,
  defaultKind: string,
  defaultNamespace: string,
) {
  if (typeof value !== 'string' || !value) return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(value, { defaultKind, defaultNamespace }),
    );
  } catch {
    return undefined;
  }
}

/** Built-in source: catalog entities carrying the `opsconsole.io/health-url` annotation. */
export class CatalogHealthTargetProvider implements HealthTargetProvider {
  readonly id = 'catalog';

  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  static toTarget(entity: Entity): HealthTarget | undefined {
    const url = entity.metadata.annotations?.[OPS_HEALTH_URL_ANNOTATION];
    if (!url) return undefined;
    const namespace = entity.metadata.namespace ?? 'default';
    const spec = (entity.spec ?? {}) as Record<string, unknown>;
    return {
      entityRef: stringifyEntityRef(entity),
      kind: entity.kind,
      title: entity.metadata.title ?? entity.metadata.name,
      url: url.trim(),
      owner: refOrUndefined(spec.owner, 'group', namespace),
      system: refOrUndefined(spec.system, 'system', namespace),
    };
  }

  async getTargets(): Promise<HealthTarget[]> {
    const { items } = await this.catalog.getEntities(
      {
        filter: {
          [`metadata.annotations.${OPS_HEALTH_URL_ANNOTATION}`]:
            CATALOG_FILTER_EXISTS,
        },
        fields: ['kind', 'metadata', 'spec.owner', 'spec.system'],
      },
      { credentials: await this.auth.getOwnServiceCredentials() },
    );
    return items.flatMap(
      entity => CatalogHealthTargetProvider.toTarget(entity) ?? [],
    );
  }
}
