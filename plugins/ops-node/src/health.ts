import { createExtensionPoint } from '@backstage/backend-plugin-api';

/**
 * Something the ops backend should probe: usually a catalog entity with the
 * `opsconsole.io/health-url` annotation.
 * @public
 */
export interface HealthTarget {
  /** Entity ref the results are attached to, e.g. `component:default/mailer-api`. */
  entityRef: string;
  kind: string;
  title: string;
  url: string;
  owner?: string;
  system?: string;
}

/**
 * A source of health targets. The ops backend ships one that reads the catalog;
 * modules can add others (a service registry, a cloud inventory) through
 * {@link opsHealthTargetProvidersExtensionPoint}.
 * @public
 */
export interface HealthTargetProvider {
  /** Stable id, shown in the `sources` list of API answers. */
  readonly id: string;
  /** Every target this source knows about now. Throwing marks the source degraded. */
  getTargets(): Promise<HealthTarget[]>;
}

/** @public */
export interface OpsHealthTargetProvidersExtensionPoint {
  addProvider(
    ...providers: Array<HealthTargetProvider | HealthTargetProvider[]>
  ): void;
}

/**
 * Collection-style extension point for extra health target sources.
 * @public
 */
export const opsHealthTargetProvidersExtensionPoint =
  createExtensionPoint<OpsHealthTargetProvidersExtensionPoint>({
    id: 'ops.health-target-providers',
  });
