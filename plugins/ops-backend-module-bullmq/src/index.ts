/**
 * Ops Console backend module: queues read from BullMQ in Redis (pipelined counts), per-tenant
 * pause and resume.
 *
 * @packageDocumentation
 */
export { opsModuleBullMq as default } from './module';
export { opsModuleBullMq } from './module';
export { BullMqQueueProvider } from './BullMqQueueProvider';
export type { BullMqQueueProviderOptions } from './BullMqQueueProvider';
export { createBullMqRedisClient } from './redisClient';
