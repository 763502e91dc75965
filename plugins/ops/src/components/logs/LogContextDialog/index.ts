export { LogContextDialog } from './LogContextDialog';
export type { LogContextDialogProps } from './LogContextDialog';
