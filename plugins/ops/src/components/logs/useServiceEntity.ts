import { Entity } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { OPS_LOG_SERVICE_ANNOTATION } from '@opsconsole/backstage-plugin-ops-common';
import useAsync from 'react-use/esm/useAsync';

/**
 * The catalog entity of a log `service`: the one whose
 * `opsconsole.io/log-service` annotation names it, else a component of that
 * name; undefined when none matches (or the catalog cannot be asked).
 */
export function useServiceEntity(service: string): Entity | undefined {
  const catalogApi = useApi(catalogApiRef);
  const { value } = useAsync(async () => {
    const { items } = await catalogApi.getEntities({
      filter: [
        { [`metadata.annotations.${OPS_LOG_SERVICE_ANNOTATION}`]: service },
        { kind: 'component', 'metadata.name': service },
      ],
      fields: [
        'kind',
        'metadata.namespace',
        'metadata.name',
        'metadata.annotations',
      ],
    });
    return (
      items.find(
        entity =>
          entity.metadata.annotations?.[OPS_LOG_SERVICE_ANNOTATION] === service,
      ) ?? items[0]
    );
  }, [catalogApi, service]);
  return value;
}
