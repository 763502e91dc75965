import { ReactNode, useState } from 'react';
import Box from '@material-ui/core/Box';
import { TenantQueuePause } from '@opsconsole/backstage-plugin-ops-common';
import { ChangeSnackbar } from '../../shared/ChangeSnackbar';
import { NotifyTenantDialog } from '../NotifyTenantDialog';
import { PauseTenantDialog } from '../PauseTenantDialog';
import { QueueSamples } from '../QueueSamples';
import { PermittedTenantNotices } from '../TenantNotices';
import { PauseBanner } from './PauseBanner';
import { TenantQueueActions, TenantQueueAction } from './TenantQueueActions';

/** @public */
export interface TenantQueuePanelProps {
  tenantId: string;
  /** The tenant's pause, if the overview reports one. */
  pause?: TenantQueuePause;
  /** Waiting and delayed jobs of the tenant's queues. */
  heldJobs: number;
  /** The backend's auto-resume limit (the queue overview's `maxAutoResumeHours`). */
  maxAutoResumeHours?: number;
  /** Called after a pause or resume, to reload the queues. */
  onChanged: () => void;
  /** Shown between the actions and the samples (e.g. the tenant's queues). */
  children?: ReactNode;
}

/**
 * What an operator needs to act on one tenant's queues: the pause banner,
 * "Emergency Pause Queue" / "Resume queue" and "Notify tenant admin" (each
 * with its permission), redacted samples with recipient patterns, and the
 * notices sent.
 */
export function TenantQueuePanel(props: TenantQueuePanelProps) {
  const { tenantId, pause, heldJobs, maxAutoResumeHours, onChanged, children } =
    props;
  const paused = Boolean(pause?.paused);
  const [action, setAction] = useState<TenantQueueAction>();
  const [message, setMessage] = useState<string>();
  const [noticesVersion, setNoticesVersion] = useState(0);

  return (
    <Box role="region" aria-label={`Tenant ${tenantId}`}>
      {pause?.paused && <PauseBanner pause={pause} />}
      <TenantQueueActions
        tenantId={tenantId}
        paused={paused}
        onAction={setAction}
      />
      {children}
      <Box mb={3}>
        <QueueSamples tenantId={tenantId} />
      </Box>
      <PermittedTenantNotices tenantId={tenantId} version={noticesVersion} />
      {(action === 'pause' || action === 'resume') && (
        <PauseTenantDialog
          tenantId={tenantId}
          mode={action}
          heldJobs={heldJobs}
          maxAutoResumeHours={maxAutoResumeHours}
          onClose={() => setAction(undefined)}
          onDone={result => {
            setAction(undefined);
            setMessage(
              result.paused
                ? `Queues of ${tenantId} paused`
                : `Queues of ${tenantId} resumed`,
            );
            onChanged();
          }}
        />
      )}
      {action === 'notify' && (
        <NotifyTenantDialog
          tenantId={tenantId}
          onClose={() => setAction(undefined)}
          onDone={notice => {
            setAction(undefined);
            setMessage(
              notice.delivery === 'captured'
                ? `Notice to ${tenantId} captured (no SMTP configured)`
                : `Notice sent to ${notice.to}`,
            );
            setNoticesVersion(v => v + 1);
          }}
        />
      )}
      <ChangeSnackbar message={message} onClose={() => setMessage(undefined)} />
    </Box>
  );
}
