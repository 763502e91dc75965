import Chip from '@material-ui/core/Chip';
import { TenantStatus } from '@opsconsole/backstage-plugin-ops-common';
import { TENANT_STATUS_COLORS, TENANT_STATUS_LABELS } from '../tenantFormat';

/** A tenant's status as a coloured chip. */
export function TenantStatusChip(props: { status: TenantStatus }) {
  const { status } = props;
  const colors = TENANT_STATUS_COLORS[status];
  return (
    <Chip
      size="small"
      label={TENANT_STATUS_LABELS[status] ?? status}
      data-status={status}
      style={
        colors
          ? {
              backgroundColor: colors.background,
              color: colors.color,
              fontWeight: 600,
            }
          : undefined
      }
    />
  );
}
