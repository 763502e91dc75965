export { HealthStatusChip } from './HealthStatusChip';
export type { HealthStatusChipProps } from './HealthStatusChip';
