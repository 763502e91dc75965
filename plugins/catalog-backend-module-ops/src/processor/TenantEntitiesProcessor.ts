import {
  CompoundEntityRef,
  Entity,
  getCompoundEntityRef,
  parseEntityRef,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  RELATION_OWNED_BY,
  RELATION_OWNER_OF,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  LocationSpec,
  processingResult,
} from '@backstage/plugin-catalog-node';
import { isTenantEntity } from '@opsconsole/backstage-plugin-ops-common';
import { tenantEntityV1alpha1Validator } from '../kinds';

/**
 * Teaches the catalog the `Tenant` kind (`opsconsole.io/v1alpha1`): validates Tenant
 * entities against their schema and emits their relations — `ownedBy`/`ownerOf` to
 * `spec.owner` and `dependsOn`/`dependencyOf` to `spec.system`.
 * @public
 */
export class TenantEntitiesProcessor implements CatalogProcessor {
  getProcessorName(): string {
    return 'TenantEntitiesProcessor';
  }

  async validateEntityKind(entity: Entity): Promise<boolean> {
    try {
      return await tenantEntityV1alpha1Validator.check(entity);
    } catch (error) {
      throw new InputError(
        `Invalid Tenant entity: ${(error as Error).message}`,
      );
    }
  }

  async postProcessEntity(
    entity: Entity,
    _location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    if (!isTenantEntity(entity)) {
      return entity;
    }
    const self = getCompoundEntityRef(entity);

    const owner = parseSpecRef(entity.spec.owner, 'owner', 'Group', self);
    emit(
      processingResult.relation({
        source: self,
        type: RELATION_OWNED_BY,
        target: owner,
      }),
    );
    emit(
      processingResult.relation({
        source: owner,
        type: RELATION_OWNER_OF,
        target: self,
      }),
    );

    if (entity.spec.system) {
      const system = parseSpecRef(entity.spec.system, 'system', 'System', self);
      emit(
        processingResult.relation({
          source: self,
          type: RELATION_DEPENDS_ON,
          target: system,
        }),
      );
      emit(
        processingResult.relation({
          source: system,
          type: RELATION_DEPENDENCY_OF,
          target: self,
        }),
      );
    }
    return entity;
  }
}

function parseSpecRef(
  ref: string,
  field: string,
  defaultKind: string,
  self: CompoundEntityRef,
): CompoundEntityRef {
  try {
    const { kind, namespace, name } = parseEntityRef(ref, {
      defaultKind,
      defaultNamespace: self.namespace,
    });
    return { kind, namespace, name };
  } catch (error) {
    throw new InputError(
      `Tenant spec.${field} "${ref}" is not a valid entity reference: ${
        (error as Error).message
      }`,
    );
  }
}
