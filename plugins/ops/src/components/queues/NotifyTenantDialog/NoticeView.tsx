import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { TenantNotice } from '@opsconsole/backstage-plugin-ops-common';

/** A rendered notice: recipient, subject and body as the admin gets them. */
export function NoticeView(props: { notice: TenantNotice; label: string }) {
  const { notice, label } = props;
  return (
    <Box
      role="region"
      aria-label={label}
      border={1}
      borderColor="divider"
      borderRadius={4}
      p={2}
      mt={1}
    >
      <Typography variant="body2">
        <strong>To:</strong> {notice.to}
      </Typography>
      <Typography variant="body2" gutterBottom>
        <strong>Subject:</strong> {notice.subject}
      </Typography>
      <Typography
        variant="body2"
        component="div"
        style={{ whiteSpace: 'pre-wrap', marginTop: 8 }}
      >
        {notice.body}
      </Typography>
    </Box>
  );
}
