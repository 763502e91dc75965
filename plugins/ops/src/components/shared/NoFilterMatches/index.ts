export { NoFilterMatches } from './NoFilterMatches';
export type { NoFilterMatchesProps } from './NoFilterMatches';
