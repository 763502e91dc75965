import Chip from '@material-ui/core/Chip';
import { UserStatus } from '@opsconsole/backstage-plugin-ops-common';
import { USER_STATUS_COLORS, USER_STATUS_LABELS } from '../userFormat';

/** A user's status as a coloured chip. */
export function UserStatusChip(props: { status: UserStatus }) {
  const { status } = props;
  const colors = USER_STATUS_COLORS[status];
  return (
    <Chip
      size="small"
      label={USER_STATUS_LABELS[status] ?? status}
      style={
        colors
          ? { backgroundColor: colors.background, color: colors.color }
          : undefined
      }
    />
  );
}
