export { FlagGlobalStateDialog } from './FlagGlobalStateDialog';
