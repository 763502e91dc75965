/**
 * Provider interfaces and extension points of the Ops Console backend, for adapter modules.
 *
 * @packageDocumentation
 */
export * from './health';
export * from './platform';
export * from './queues';
export * from './logs';
export * from './http/fetchWithTimeout';
export * from './platform/PlatformAdminApiClient';
export * from './platform/PlatformQueueProvider';
export * from './config/readDurationMs';
