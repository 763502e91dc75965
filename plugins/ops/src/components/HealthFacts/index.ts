export { FactList } from './FactList';
export type { FactListProps } from './FactList';
export { TargetStatsFacts } from './TargetStatsFacts';
export type { TargetStatsFactsProps } from './TargetStatsFacts';
