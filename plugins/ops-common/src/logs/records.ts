import { everyValue } from '../schema/everyValue';
// The ops API's log resources under the names the code uses; the shapes are generated from
// plugins/ops-backend/src/schema/openapi.yaml.

import type { OpsApiComponents, OpsApiOperations } from '../schema';

type Schemas = OpsApiComponents['schemas'];

/** One stored log record. @public */
export type LogRecord = Schemas['LogRecord'];

/** Answer of `GET /logs/search`: newest first. @public */
export type LogSearchPage = Schemas['LogSearchPage'];

/** One time bucket of the level histogram. @public */
export type LogHistogramBucket = Schemas['LogHistogramBucket'];

/** Answer of `GET /logs/histogram`. @public */
export type LogHistogram = Schemas['LogHistogram'];

/** Answer of `GET /logs/records/{id}/context`: neighbours in the same service. @public */
export type LogContext = Schemas['LogContext'];

/** Answer of `GET /logs/tail`: records newer than the cursor, oldest first. @public */
export type LogTailPage = Schemas['LogTailPage'];

/** Fields whose most frequent values can be listed. @public */
export type LogTopField =
  OpsApiOperations['GetLogTopValues']['parameters']['query']['field'];

/** @public */
export const LOG_TOP_FIELDS = everyValue<LogTopField>()([
  'service',
  'tenant',
  'level',
  'trace',
] as const);

/** Answer of `GET /logs/top`. @public */
export type LogTopValues = Schemas['LogTopValues'];

/** Answer of `POST /otlp/v1/logs`. @public */
export type OtlpExportLogsServiceResponse =
  Schemas['OtlpExportLogsServiceResponse'];

/** The OTLP/HTTP error body (a google.rpc.Status). @public */
export type OtlpStatus = Schemas['OtlpStatus'];
