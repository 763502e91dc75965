export { TargetStatsFacts } from './TargetStatsFacts';
export type { TargetStatsFactsProps } from './TargetStatsFacts';
