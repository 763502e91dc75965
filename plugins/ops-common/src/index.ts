/**
 * Shared types, permissions and annotations of the Ops Console plugins.
 *
 * @packageDocumentation
 */
export * from './permissions';
export * from './annotations';
export * from './health';
export * from './users';
export * from './tenants';
export * from './tenant';
export * from './flags';
export * from './queues';
export * from './logs';
export * from './schema';
