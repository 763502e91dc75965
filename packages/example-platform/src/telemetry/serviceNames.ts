import { RoleName } from '../roles/roleNames';

/**
 * `service.name` of each role's log records: the names of the catalog
 * Components the example org defines for the roles (`examples/platform.yaml`:
 * `mail-api`, `mail-worker`, `mail-scheduler`), so an entity's Logs tab finds
 * its records without an `opsconsole.io/log-service` annotation.
 *
 * @public
 */
export const LOG_SERVICE_NAMES: Readonly<Record<RoleName, string>> = {
  api: 'mail-api',
  worker: 'mail-worker',
  scheduler: 'mail-scheduler',
};

/** `service.namespace` of every role's log records. */
export const LOG_SERVICE_NAMESPACE = 'example-platform';
