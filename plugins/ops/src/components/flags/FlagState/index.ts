export { FlagGlobalState } from './FlagGlobalState';
export { FlagValue } from './FlagValue';
