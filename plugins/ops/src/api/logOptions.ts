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

/**
 * A downloaded log export (`GET /logs/export`).
 *
 * @public
 */
export interface LogExportFile {
  file: Blob;
  /** How many records the file holds. */
  records: number;
  /**
   * The most records one export holds (the backend's `X-Ops-Export-Limit`):
   * a file with that many may have stopped there.
   */
  maxRecords?: number;
  /**
   * Why an NDJSON export stopped part-way: the backend ends the file with a
   * line `{"error": "..."}` then (not counted in `records`).
   */
  error?: string;
}
