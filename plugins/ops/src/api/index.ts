export { opsApiRef } from './OpsApi';
export type { OpsApi, OpsEntityRef } from './OpsApi';
export { OpsClient } from './OpsClient';
export { opsApiFactory } from './opsApiFactory';
