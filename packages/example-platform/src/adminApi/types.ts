// Records of the Platform Admin API
// (`@opsconsole/backstage-plugin-ops-common/platform-admin-api.yaml`) under the names the
// example platform uses; the shapes are generated from that document, and the conformance
// test validates every response against it.
import type { PlatformAdminApiComponents } from '@opsconsole/backstage-plugin-ops-common';

type Schemas = PlatformAdminApiComponents['schemas'];

/** @public */
export type AdminApiTenant = Schemas['Tenant'];

/** @public */
export type AdminApiUser = Schemas['User'];

/** @public */
export type AdminApiLogin = Schemas['Login'];

/** @public */
export type AdminApiDeliverabilityPoint = Schemas['DeliverabilityPoint'];

/** @public */
export type AdminApiFeatureEvaluation = Schemas['FeatureEvaluation'];

/** Job states a queue counts. @public */
export type AdminApiQueueJobState = Schemas['QueueJobState'];

/** One tenant's outbound queue now (`QueueSnapshot` of the contract). @public */
export type AdminApiQueueSnapshot = Schemas['QueueSnapshot'];

/** One job of a tenant's queue (`QueueJob` of the contract). @public */
export type AdminApiQueueJob = Schemas['QueueJob'];

/** Pause state of a tenant's queues (`TenantQueueState` of the contract). @public */
export type AdminApiTenantQueueState = Schemas['TenantQueueState'];
