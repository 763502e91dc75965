import { LogsView } from '../LogsView';

/**
 * The log viewer of the Ops Console (`/ops/logs`): search every service's
 * records the user may read (`ops.logs.read`; tenant owners see their
 * tenants' records).
 *
 * @public
 */
export function LogsPage() {
  return <LogsView />;
}
