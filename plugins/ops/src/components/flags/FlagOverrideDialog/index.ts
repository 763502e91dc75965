export { FlagOverrideDialog } from './FlagOverrideDialog';
export type { FlagOverrideDialogProps } from './FlagOverrideDialog';
