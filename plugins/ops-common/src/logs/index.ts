export * from './types';
export * from './levels';
export * from './records';
export { tokenizeLogQuery } from './tokenize';
export { parseLogQuery, LOG_QUERY_MAX_LENGTH } from './parseLogQuery';
export { formatLogQuery } from './formatLogQuery';
