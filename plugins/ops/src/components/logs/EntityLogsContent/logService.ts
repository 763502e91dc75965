import { Entity } from '@backstage/catalog-model';
import { OPS_LOG_SERVICE_ANNOTATION } from '@opsconsole/backstage-plugin-ops-common';

/** The `service` of an entity's log records: the annotation, else its name. */
export function logServiceOf(entity: Entity): string {
  return (
    entity.metadata.annotations?.[OPS_LOG_SERVICE_ANNOTATION]?.trim() ||
    entity.metadata.name
  );
}
