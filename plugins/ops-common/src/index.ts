/**
 * Shared types, permissions and annotations of the Ops Console plugins.
 *
 * @packageDocumentation
 */
export * from './permissions';
export * from './annotations';
export * from './health';
