import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Alert from '@material-ui/lab/Alert';
import { TenantNotice } from '@opsconsole/backstage-plugin-ops-common';
import { NoticeView } from './NoticeView';

/** What happened to a sent notice: emailed over SMTP, or captured (dev without SMTP). */
export function NoticeResultDialog(props: {
  notice: TenantNotice;
  onClose: () => void;
}) {
  const { notice, onClose } = props;
  const captured = notice.delivery === 'captured';
  return (
    <Dialog
      open
      onClose={onClose}
      aria-labelledby="ops-notice-result-title"
      fullWidth
      maxWidth="sm"
    >
      <DialogTitle id="ops-notice-result-title">
        {captured ? 'Notice captured' : 'Notice sent'}
      </DialogTitle>
      <DialogContent>
        {captured ? (
          <Alert severity="warning">
            No SMTP server is configured: the notice was captured, not emailed.
            It is kept and listed under Notices on the tenant's queues.
          </Alert>
        ) : (
          <Alert severity="success">
            Sent to {notice.to} over SMTP
            {notice.messageId ? ` (message id ${notice.messageId})` : ''}.
          </Alert>
        )}
        <NoticeView
          notice={notice}
          label={captured ? 'Captured notice' : 'Sent notice'}
        />
      </DialogContent>
      <DialogActions>
        <Button color="primary" variant="contained" onClick={onClose}>
          Close
        </Button>
      </DialogActions>
    </Dialog>
  );
}
