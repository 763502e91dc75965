import { Entity } from '@backstage/catalog-model';
import { OPS_HEALTH_URL_ANNOTATION } from '@opsconsole/backstage-plugin-ops-common';

/**
 * True when the entity names a health endpoint with the
 * `opsconsole.io/health-url` annotation, i.e. when the Operations tab and the
 * health card have something to show.
 *
 * @public
 */
export function isOpsHealthAvailable(entity: Entity): boolean {
  return Boolean(entity.metadata.annotations?.[OPS_HEALTH_URL_ANNOTATION]);
}
