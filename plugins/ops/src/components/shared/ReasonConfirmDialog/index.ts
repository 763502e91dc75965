export { ReasonConfirmDialog } from './ReasonConfirmDialog';
export type {
  ConfirmPreview,
  ReasonConfirmDialogProps,
} from './ReasonConfirmDialog';
