/**
 * A log query over a time window, as the logs endpoints of the ops backend
 * take it.
 *
 * @public
 */
export interface LogQueryWindow {
  /** A query in the log query language; empty or absent matches everything. */
  query?: string;
  /** ISO start of the window (inclusive). */
  from?: string;
  /** ISO end of the window (exclusive). */
  to?: string;
}

/**
 * File formats of `GET /logs/export`.
 *
 * @public
 */
export type LogExportFormat = 'ndjson' | 'csv';
