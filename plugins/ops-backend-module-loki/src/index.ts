/**
 * Ops Console backend module (loki): logs searched in Grafana Loki through its
 * query API, with the console's log query language compiled to LogQL.
 *
 * @packageDocumentation
 */
export { opsModuleLoki as default } from './module';
export { LokiLogProvider } from './provider/LokiLogProvider';
export type { LokiLogProviderOptions } from './provider/LokiLogProvider';
export { DEFAULT_LOKI_TIMEOUT_MS } from './provider/LokiClient';
export type { LokiConnection } from './provider/LokiClient';
export {
  compileLogQl,
  levelCountsLogQl,
  topValuesLogQl,
  DEFAULT_LOKI_LABELS,
} from './logql/compileLogQl';
export type {
  CompileLogQlOptions,
  LokiAttributeParser,
  LokiLabelNames,
} from './logql/compileLogQl';
