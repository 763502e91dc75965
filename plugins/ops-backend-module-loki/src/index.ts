/**
 * Ops Console backend module (loki).
 *
 * @packageDocumentation
 */
export {};
