import Snackbar from '@material-ui/core/Snackbar';
import Alert from '@material-ui/lab/Alert';

/** A success message after a change ("Override set"), hiding itself. */
export function ChangeSnackbar(props: {
  message?: string;
  onClose: () => void;
}) {
  const { message, onClose } = props;
  return (
    <Snackbar
      open={Boolean(message)}
      autoHideDuration={8000}
      onClose={onClose}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
    >
      <Alert severity="success" onClose={onClose}>
        {message}
      </Alert>
    </Snackbar>
  );
}
