export { LogList } from './LogList';
export type { LogListProps } from './LogList';
export { LogLineCells, LogLineHeader } from './LogLineCells';
export { LOG_ROW_HEIGHT, useLogRowStyles } from './logRowStyles';
