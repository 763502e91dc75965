import { ReactNode, useEffect, useState } from 'react';
import Button from '@material-ui/core/Button';
import CircularProgress from '@material-ui/core/CircularProgress';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Skeleton from '@material-ui/lab/Skeleton';
import Alert from '@material-ui/lab/Alert';
import { errorMessage } from '../format';

/**
 * What the confirmation step shows of the change before it is made: loaded
 * when the step opens (e.g. how many tenants change answer, or the rendered
 * notice).
 */
export interface ConfirmPreview<Preview> {
  /** Loads the preview of the change with the operator's reason. */
  load: (reason: string) => Promise<Preview>;
  render: (preview: Preview) => ReactNode;
  /** The warning when the preview fails, given the error's message. */
  failedMessage: (message: string) => ReactNode;
  /** Whether a failed preview blocks the change (else an urgent change goes through). */
  required?: boolean;
}

/** @public */
export interface ReasonConfirmDialogProps<Preview> {
  /** Title of the dialog; also its accessible name. */
  title: string;
  /** Fields of the change, shown above the reason on the first step. */
  children?: ReactNode;
  /** Whether the fields describe a complete change (the reason aside). */
  changeReady: boolean;
  /** Why the change cannot be made (e.g. no permission); blocks continuing. */
  blocked?: string;
  /** Helper text under the reason field: where the reason is kept. */
  reasonHelperText: string;
  /** The change in a sentence, shown on the confirmation step. */
  summary: ReactNode;
  /** Loaded and shown on the confirmation step. */
  preview?: ConfirmPreview<Preview>;
  /** Label of the confirming button, e.g. "Set override". */
  confirmLabel: string;
  /** `secondary` for destructive changes. */
  confirmColor?: 'primary' | 'secondary';
  /** Makes the change with the operator's reason; the parent closes the dialog. */
  onConfirm: (reason: string) => Promise<void>;
  onClose: () => void;
}

type PreviewState<Preview> =
  | { status: 'none' }
  | { status: 'loading' }
  | { status: 'loaded'; preview: Preview }
  | { status: 'failed'; error: unknown };

/**
 * A change in two steps. First the change and a required reason ("Review
 * change" stays disabled without one); then a confirmation with the change in
 * a sentence and an optional preview, before the change is made.
 */
export function ReasonConfirmDialog<Preview>(
  props: ReasonConfirmDialogProps<Preview>,
) {
  const {
    title,
    children,
    changeReady,
    blocked,
    reasonHelperText,
    summary,
    preview,
    confirmLabel,
    confirmColor = 'primary',
    onConfirm,
    onClose,
  } = props;
  const [step, setStep] = useState<'edit' | 'confirm'>('edit');
  const [reason, setReason] = useState('');
  const [previewState, setPreviewState] = useState<PreviewState<Preview>>({
    status: 'none',
  });
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<unknown>();

  useEffect(() => {
    if (step !== 'confirm' || !preview) {
      return undefined;
    }
    let current = true;
    setPreviewState({ status: 'loading' });
    preview.load(reason.trim()).then(
      result =>
        current && setPreviewState({ status: 'loaded', preview: result }),
      error => current && setPreviewState({ status: 'failed', error }),
    );
    return () => {
      current = false;
    };
    // the preview is recreated by every render of the parent: load once per step
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [step]);

  const trimmedReason = reason.trim();
  const canReview = changeReady && !blocked && trimmedReason.length > 0;
  const previewBlocks =
    previewState.status === 'loading' ||
    (previewState.status === 'failed' && Boolean(preview?.required));

  const confirm = async () => {
    setSubmitting(true);
    setSubmitError(undefined);
    try {
      await onConfirm(trimmedReason);
    } catch (error) {
      setSubmitError(error);
      setSubmitting(false);
    }
  };

  return (
    <Dialog
      open
      onClose={submitting ? undefined : onClose}
      aria-labelledby="ops-confirm-change-title"
      fullWidth
      maxWidth="sm"
    >
      <DialogTitle id="ops-confirm-change-title">{title}</DialogTitle>
      {step === 'edit' ? (
        <DialogContent>
          {children}
          {blocked && (
            <Alert severity="warning" style={{ marginTop: 16 }}>
              {blocked}
            </Alert>
          )}
          <TextField
            id="ops-change-reason"
            label="Reason"
            required
            fullWidth
            multiline
            minRows={2}
            margin="normal"
            variant="outlined"
            value={reason}
            onChange={event => setReason(event.target.value)}
            helperText={reasonHelperText}
            inputProps={{ maxLength: 1000 }}
          />
        </DialogContent>
      ) : (
        <DialogContent>
          <Typography component="div" gutterBottom>
            {summary}
          </Typography>
          <Typography variant="body2" color="textSecondary" gutterBottom>
            Reason: {trimmedReason}
          </Typography>
          {previewState.status === 'loading' && (
            <div aria-busy="true" data-testid="preview-loading">
              <Skeleton variant="text" width="60%" />
              <Skeleton variant="text" width="40%" />
            </div>
          )}
          {previewState.status === 'loaded' &&
            preview?.render(previewState.preview)}
          {previewState.status === 'failed' && (
            <Alert severity={preview?.required ? 'error' : 'warning'}>
              {preview?.failedMessage(errorMessage(previewState.error))}
            </Alert>
          )}
          {submitError !== undefined && (
            <Alert severity="error" style={{ marginTop: 16 }}>
              {errorMessage(submitError)}
            </Alert>
          )}
        </DialogContent>
      )}
      <DialogActions>
        <Button onClick={onClose} disabled={submitting}>
          Cancel
        </Button>
        {step === 'edit' ? (
          <Button
            color="primary"
            variant="contained"
            disabled={!canReview}
            onClick={() => setStep('confirm')}
          >
            Review change
          </Button>
        ) : (
          <>
            <Button onClick={() => setStep('edit')} disabled={submitting}>
              Back
            </Button>
            <Button
              color={confirmColor}
              variant="contained"
              disabled={submitting || previewBlocks}
              onClick={confirm}
              startIcon={
                submitting ? <CircularProgress size={16} /> : undefined
              }
            >
              {confirmLabel}
            </Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}
