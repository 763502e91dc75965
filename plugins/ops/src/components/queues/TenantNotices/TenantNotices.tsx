import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import Skeleton from '@material-ui/lab/Skeleton';
import { InfoCard, ResponseErrorPanel } from '@backstage/core-components';
import { TenantNotice } from '@opsconsole/backstage-plugin-ops-common';
import { PolledAsyncState } from '../../shared/usePolledAsync';
import { HEALTH_STATUS_COLORS } from '../../shared/statusColors';
import { RelativeTime } from '../../shared/RelativeTime';

function DeliveryChip(props: { delivery?: TenantNotice['delivery'] }) {
  const { delivery } = props;
  if (delivery === 'captured') {
    return (
      <Chip
        size="small"
        label="Captured"
        title="No SMTP configured: kept here, not emailed"
        style={{
          backgroundColor: HEALTH_STATUS_COLORS.warn.background,
          color: HEALTH_STATUS_COLORS.warn.color,
        }}
      />
    );
  }
  return <Chip size="small" variant="outlined" label="Sent (SMTP)" />;
}

function NoticeItem(props: { notice: TenantNotice }) {
  const { notice } = props;
  return (
    <Accordion TransitionProps={{ unmountOnExit: true, timeout: 0 }}>
      <AccordionSummary
        expandIcon={<ExpandMoreIcon />}
        aria-label={`Notice “${notice.subject}”`}
      >
        <Box
          display="flex"
          alignItems="center"
          flexWrap="wrap"
          style={{ gap: 12 }}
        >
          <DeliveryChip delivery={notice.delivery} />
          <Typography variant="body2">
            <strong>{notice.subject}</strong>
          </Typography>
          <Typography variant="body2" color="textSecondary">
            to {notice.to} · <RelativeTime value={notice.sentAt} />
          </Typography>
        </Box>
      </AccordionSummary>
      <AccordionDetails>
        <Typography
          variant="body2"
          component="div"
          style={{ whiteSpace: 'pre-wrap' }}
        >
          {notice.body}
        </Typography>
      </AccordionDetails>
    </Accordion>
  );
}

/**
 * Notices sent to the tenant's admin, newest first; captured ones (no SMTP
 * configured) are marked and readable here.
 */
export function TenantNotices(props: {
  notices: PolledAsyncState<{ notices: TenantNotice[] }>;
}) {
  const { value, error } = props.notices;
  return (
    <InfoCard
      title="Notices"
      subheader="Sent to the tenant admin, newest first"
    >
      {error && <ResponseErrorPanel error={error} />}
      {!value && !error && (
        <Skeleton variant="rect" height={80} data-testid="notices-skeleton" />
      )}
      {value && value.notices.length === 0 && (
        <Typography variant="body2" color="textSecondary">
          No notice sent to this tenant yet.
        </Typography>
      )}
      {value && value.notices.length > 0 && (
        <div role="list" aria-label="Notices">
          {value.notices.map((notice, index) => (
            <div
              role="listitem"
              key={notice.messageId ?? `${notice.sentAt}-${index}`}
            >
              <NoticeItem notice={notice} />
            </div>
          ))}
        </div>
      )}
    </InfoCard>
  );
}
