import IconButton from '@material-ui/core/IconButton';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import DeleteIcon from '@material-ui/icons/Delete';
import EditIcon from '@material-ui/icons/Edit';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  Flag,
  FlagOverride,
  opsTenantFlagsOverridePermission,
  tenantEntityRef,
} from '@opsconsole/backstage-plugin-ops-common';
import { humanizeRef } from '../../shared/entityRefs';
import { FlagValue } from '../FlagState';
import { RelativeTime } from '../../shared/RelativeTime';

/** Change / remove buttons of one override, shown only when allowed on its tenant. */
function OverrideActions(props: {
  override: FlagOverride;
  onEdit: (override: FlagOverride) => void;
  onRemove: (override: FlagOverride) => void;
}) {
  const { override, onEdit, onRemove } = props;
  const { allowed } = usePermission({
    permission: opsTenantFlagsOverridePermission,
    resourceRef: tenantEntityRef(override.tenantId),
  });
  if (!allowed) {
    return null;
  }
  return (
    <>
      <Tooltip title="Change override">
        <IconButton
          size="small"
          aria-label={`Change override for ${override.tenantId}`}
          onClick={() => onEdit(override)}
        >
          <EditIcon fontSize="small" />
        </IconButton>
      </Tooltip>
      <Tooltip title="Remove override">
        <IconButton
          size="small"
          aria-label={`Remove override for ${override.tenantId}`}
          onClick={() => onRemove(override)}
        >
          <DeleteIcon fontSize="small" />
        </IconButton>
      </Tooltip>
    </>
  );
}

/** A flag's tenant overrides: tenant, variant, reason, who and when. */
export function FlagOverridesTable(props: {
  flag: Flag;
  overrides: FlagOverride[];
  onEdit: (override: FlagOverride) => void;
  onRemove: (override: FlagOverride) => void;
}) {
  const { flag, overrides, onEdit, onRemove } = props;
  if (overrides.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No tenant overrides: every tenant gets the global answer.
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label="Overrides">
      <TableHead>
        <TableRow>
          <TableCell>Tenant</TableCell>
          <TableCell>Serves</TableCell>
          <TableCell>Reason</TableCell>
          <TableCell>Who</TableCell>
          <TableCell>When</TableCell>
          <TableCell />
        </TableRow>
      </TableHead>
      <TableBody>
        {overrides.map(override => (
          <TableRow key={override.tenantId}>
            <TableCell>
              <EntityRefLink entityRef={tenantEntityRef(override.tenantId)}>
                {override.tenantId}
              </EntityRefLink>
            </TableCell>
            <TableCell>
              <FlagValue
                value={flag.variants[override.variant]}
                variant={override.variant}
              />
            </TableCell>
            <TableCell>{override.reason}</TableCell>
            <TableCell>{humanizeRef(override.actor, 'user')}</TableCell>
            <TableCell>
              <RelativeTime value={override.updatedAt} />
            </TableCell>
            <TableCell align="right">
              <OverrideActions
                override={override}
                onEdit={onEdit}
                onRemove={onRemove}
              />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
