export { RangeToggle } from './RangeToggle';
export type { RangeToggleProps } from './RangeToggle';
