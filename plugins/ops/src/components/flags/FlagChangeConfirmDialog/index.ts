export { FlagChangeConfirmDialog } from './FlagChangeConfirmDialog';
export type { FlagChangeConfirmDialogProps } from './FlagChangeConfirmDialog';
export { PreviewSummary, changedSentence } from './PreviewSummary';
