export { EntityOpsHealthCard } from './EntityOpsHealthCard';
export type { EntityOpsHealthCardProps } from './EntityOpsHealthCard';
