export { opsApiRef } from './OpsApi';
export type { OpsApi, OpsEntityRef } from './OpsApi';
export type {
  LogExportFile,
  LogExportFormat,
  LogQueryWindow,
} from './logOptions';
export { OpsClient } from './OpsClient';
export { opsApiFactory } from './opsApiFactory';
