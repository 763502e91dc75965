/**
 * Ops Console backend module (bullmq).
 *
 * @packageDocumentation
 */
export {};
