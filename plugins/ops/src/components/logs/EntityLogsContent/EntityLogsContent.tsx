import { useEntity } from '@backstage/plugin-catalog-react';
import { logFieldQuery } from '../logQueries';
import { LogsView } from '../LogsView';
import { logServiceOf } from './logService';

/**
 * The Logs tab of an entity: the log viewer limited to `service:<name>`,
 * the name from the `opsconsole.io/log-service` annotation or else the
 * entity's name.
 *
 * @public
 */
export function EntityLogsContent() {
  const { entity } = useEntity();
  return <LogsView scope={logFieldQuery('service', logServiceOf(entity))} />;
}
