export { QueueTable } from './QueueTable';
export type { QueueTableProps } from './QueueTable';
