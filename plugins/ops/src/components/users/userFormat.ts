import { UserStatus } from '@opsconsole/backstage-plugin-ops-common';
import { HEALTH_STATUS_COLORS } from '../shared/statusColors';

export const USER_STATUS_LABELS: Record<UserStatus, string> = {
  active: 'Active',
  invited: 'Invited',
  disabled: 'Disabled',
};

export const USER_STATUS_COLORS: Record<
  UserStatus,
  { background: string; color: string }
> = {
  active: HEALTH_STATUS_COLORS.pass,
  invited: HEALTH_STATUS_COLORS.unknown,
  disabled: HEALTH_STATUS_COLORS.fail,
};
