export { EntityLogsContent } from './EntityLogsContent';
export { logServiceOf } from './logService';
