import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import PauseCircleFilledIcon from '@material-ui/icons/PauseCircleFilled';
import PlayCircleFilledIcon from '@material-ui/icons/PlayCircleFilled';
import MailOutlineIcon from '@material-ui/icons/MailOutline';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  opsTenantNotifyPermission,
  opsTenantQueuePausePermission,
  tenantEntityRef,
} from '@opsconsole/backstage-plugin-ops-common';

export type TenantQueueAction = 'pause' | 'resume' | 'notify';

/**
 * "Emergency Pause Queue" (or "Resume queue" when paused) and "Notify tenant
 * admin", each shown only with its permission on the tenant.
 */
export function TenantQueueActions(props: {
  tenantId: string;
  paused: boolean;
  onAction: (action: TenantQueueAction) => void;
}) {
  const { tenantId, paused, onAction } = props;
  const resourceRef = tenantEntityRef(tenantId);
  const pause = usePermission({
    permission: opsTenantQueuePausePermission,
    resourceRef,
  });
  const notify = usePermission({
    permission: opsTenantNotifyPermission,
    resourceRef,
  });
  if (!pause.allowed && !notify.allowed) {
    return null;
  }
  return (
    <Box display="flex" flexWrap="wrap" mb={2} style={{ gap: 16 }}>
      {pause.allowed && !paused && (
        <Button
          variant="contained"
          color="secondary"
          startIcon={<PauseCircleFilledIcon />}
          onClick={() => onAction('pause')}
        >
          Emergency Pause Queue
        </Button>
      )}
      {pause.allowed && paused && (
        <Button
          variant="contained"
          color="primary"
          startIcon={<PlayCircleFilledIcon />}
          onClick={() => onAction('resume')}
        >
          Resume queue
        </Button>
      )}
      {notify.allowed && (
        <Button
          variant="outlined"
          color="primary"
          startIcon={<MailOutlineIcon />}
          onClick={() => onAction('notify')}
        >
          Notify tenant admin
        </Button>
      )}
    </Box>
  );
}
