import FormControlLabel from '@material-ui/core/FormControlLabel';
import Switch from '@material-ui/core/Switch';
import Tooltip from '@material-ui/core/Tooltip';
import { usePermission } from '@backstage/plugin-permission-react';
import { opsUsersPiiReadPermission } from '@opsconsole/backstage-plugin-ops-common';

/**
 * "Reveal personal data": unmasks emails and IP addresses. Shown only to users
 * with `ops.users.pii.read`; every reveal is audited by the backend.
 */
export function RevealToggle(props: {
  revealed: boolean;
  onChange: (revealed: boolean) => void;
}) {
  const { revealed, onChange } = props;
  const { allowed } = usePermission({ permission: opsUsersPiiReadPermission });
  if (!allowed) {
    return null;
  }
  return (
    <Tooltip title="Shows emails and IP addresses unmasked. Every reveal is recorded in the audit trail.">
      <FormControlLabel
        control={
          <Switch
            color="secondary"
            checked={revealed}
            onChange={event => onChange(event.target.checked)}
          />
        }
        label="Reveal personal data (audited)"
      />
    </Tooltip>
  );
}
