export { LogsView } from './LogsView';
export type { LogsViewProps } from './LogsView';
