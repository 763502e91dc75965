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
import { FlagPreview } from '@opsconsole/backstage-plugin-ops-common';
import { errorMessage } from '../../utils/format';
import { PreviewSummary } from './PreviewSummary';

/** @public */
export interface ConfirmChangeDialogProps {
  /** Title of the dialog, e.g. "Set “Beta: AI Composer” for acme". */
  title: string;
  /** Fields of the change, shown above the reason on the first step. */
  children?: ReactNode;
  /** Whether the fields describe a complete change (the reason aside). */
  changeReady: boolean;
  /** Why the change cannot be made (e.g. no permission); blocks continuing. */
  blocked?: string;
  /** The change in a sentence, shown on the confirmation step. */
  summary: ReactNode;
  /** Loads how many tenants change answer; called on the confirmation step. */
  loadPreview: () => Promise<FlagPreview>;
  /** Label of the confirming button, e.g. "Set override". */
  confirmLabel: string;
  /** Makes the change with the operator's reason; the dialog closes when it resolves. */
  onConfirm: (reason: string) => Promise<void>;
  onClose: () => void;
}

type PreviewState =
  | { status: 'loading' }
  | { status: 'loaded'; preview: FlagPreview }
  | { status: 'failed'; error: unknown };

/**
 * A change to flags in two steps. First the change and a required reason
 * ("Review change" stays disabled without one); then a confirmation naming how
 * many tenants change answer (the preview endpoint) before the change is made.
 * A failed preview is shown but does not block an urgent change.
 */
export function ConfirmChangeDialog(props: ConfirmChangeDialogProps) {
  const {
    title,
    children,
    changeReady,
    blocked,
    summary,
    loadPreview,
    confirmLabel,
    onConfirm,
    onClose,
  } = props;
  const [step, setStep] = useState<'edit' | 'confirm'>('edit');
  const [reason, setReason] = useState('');
  const [preview, setPreview] = useState<PreviewState>({ status: 'loading' });
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<unknown>();

  useEffect(() => {
    if (step !== 'confirm') {
      return undefined;
    }
    let current = true;
    setPreview({ status: 'loading' });
    loadPreview().then(
      result => current && setPreview({ status: 'loaded', preview: result }),
      error => current && setPreview({ status: 'failed', error }),
    );
    return () => {
      current = false;
    };
    // loadPreview is recreated by every render of the parent: preview once per step
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [step]);

  const trimmedReason = reason.trim();
  const canReview = changeReady && !blocked && trimmedReason.length > 0;

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
            helperText="Required. Kept in the flag history and the audit trail."
            inputProps={{ maxLength: 1000 }}
          />
        </DialogContent>
      ) : (
        <DialogContent>
          <Typography gutterBottom>{summary}</Typography>
          <Typography variant="body2" color="textSecondary" gutterBottom>
            Reason: {trimmedReason}
          </Typography>
          {preview.status === 'loading' && (
            <div aria-busy="true" data-testid="preview-loading">
              <Skeleton variant="text" width="60%" />
              <Skeleton variant="text" width="40%" />
            </div>
          )}
          {preview.status === 'loaded' && (
            <PreviewSummary preview={preview.preview} />
          )}
          {preview.status === 'failed' && (
            <Alert severity="warning">
              Could not work out how many tenants change answer:{' '}
              {errorMessage(preview.error)}. You can still make the change.
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
              color="primary"
              variant="contained"
              disabled={submitting || preview.status === 'loading'}
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
