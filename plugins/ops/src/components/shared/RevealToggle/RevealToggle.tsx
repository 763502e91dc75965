import FormControlLabel from '@material-ui/core/FormControlLabel';
import Switch from '@material-ui/core/Switch';
import Tooltip from '@material-ui/core/Tooltip';
import { usePermission } from '@backstage/plugin-permission-react';
import { opsUsersPiiReadPermission } from '@opsconsole/backstage-plugin-ops-common';

/**
 * A switch that unmasks sensitive data, shown only to users with the
 * permission; every reveal is audited by the backend. By default "Reveal
 * personal data" (emails and IP addresses, `ops.users.pii.read`).
 */
export function RevealToggle(props: {
  revealed: boolean;
  onChange: (revealed: boolean) => void;
  /** The permission (and resource) that allows the reveal; defaults to `ops.users.pii.read`. */
  access?: Parameters<typeof usePermission>[0];
  label?: string;
  tooltip?: string;
}) {
  const {
    revealed,
    onChange,
    access = { permission: opsUsersPiiReadPermission },
    label = 'Reveal personal data (audited)',
    tooltip = 'Shows emails and IP addresses unmasked. Every reveal is recorded in the audit trail.',
  } = props;
  const { allowed } = usePermission(access);
  if (!allowed) {
    return null;
  }
  return (
    <Tooltip title={tooltip}>
      <FormControlLabel
        control={
          <Switch
            color="secondary"
            checked={revealed}
            onChange={event => onChange(event.target.checked)}
          />
        }
        label={label}
      />
    </Tooltip>
  );
}
