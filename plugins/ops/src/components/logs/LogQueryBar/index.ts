export { LogQueryBar } from './LogQueryBar';
export type { LogQueryBarProps } from './LogQueryBar';
