export { LogRecordDetails } from './LogRecordDetails';
export type { LogRecordDetailsProps } from './LogRecordDetails';
