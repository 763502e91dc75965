import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { TenantQueuePause } from '@opsconsole/backstage-plugin-ops-common';
import { humanizeRef } from '../../shared/entityRefs';
import { formatAbsolute, formatRelative } from '../../shared/format';
import { RelativeTime } from '../../shared/RelativeTime';

/** "Queues of acme paused by jane 5 minutes ago: <reason>. Auto-resume in 4 hours." */
export function PauseBanner(props: { pause: TenantQueuePause }) {
  const { pause } = props;
  return (
    <Alert
      severity="error"
      role="status"
      aria-label={`Tenant ${pause.tenantId} is paused`}
      style={{ marginBottom: 16 }}
    >
      <AlertTitle>Queues of tenant {pause.tenantId} are paused</AlertTitle>
      Paused by{' '}
      {pause.pausedBy ? humanizeRef(pause.pausedBy, 'user') : 'someone'}{' '}
      <RelativeTime value={pause.pausedAt} />
      {pause.reason ? `: ${pause.reason}` : ''}.{' '}
      {pause.autoResumeAt
        ? `Resumes by itself ${formatRelative(
            pause.autoResumeAt,
          )} (${formatAbsolute(pause.autoResumeAt)}).`
        : 'No auto-resume: stays paused until resumed.'}{' '}
      Waiting jobs are kept and processed after the resume.
    </Alert>
  );
}
