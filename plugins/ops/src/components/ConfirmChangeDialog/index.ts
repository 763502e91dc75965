export { ConfirmChangeDialog } from './ConfirmChangeDialog';
export type { ConfirmChangeDialogProps } from './ConfirmChangeDialog';
export { PreviewSummary, changedSentence } from './PreviewSummary';
