import { LogRecord } from '@opsconsole/backstage-plugin-ops-common';

export const CSV_COLUMNS = [
  'time',
  'level',
  'service',
  'tenantId',
  'traceId',
  'spanId',
  'body',
  'attributes',
  'id',
] as const;

/**
 * One CSV cell (RFC 4180 quoting). A cell a spreadsheet would run as a formula (starting
 * with = + - @, a tab or a carriage return) gets a leading apostrophe (OWASP CSV injection).
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== value || /^\s|\s$/.test(safe)
    ? `"${safe.replace(/"/g, '""')}"`
    : safe;
}

export function csvHeader(): string {
  return `${CSV_COLUMNS.join(',')}\r\n`;
}

export function csvRow(record: LogRecord): string {
  const cells = CSV_COLUMNS.map(column => {
    if (column === 'attributes') return JSON.stringify(record.attributes);
    return record[column] ?? '';
  });
  return `${cells.map(csvCell).join(',')}\r\n`;
}

export function ndjsonRow(record: LogRecord): string {
  return `${JSON.stringify(record)}\n`;
}
