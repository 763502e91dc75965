export { OpsHealthEmptyState } from './OpsHealthEmptyState';
