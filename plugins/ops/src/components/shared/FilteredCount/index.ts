export { FilteredCount } from './FilteredCount';
export type { FilteredCountProps } from './FilteredCount';
