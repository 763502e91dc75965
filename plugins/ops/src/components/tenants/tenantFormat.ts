import {
  TenantStatus,
  TenantTier,
} from '@opsconsole/backstage-plugin-ops-common';
import { HEALTH_STATUS_COLORS } from '../shared/statusColors';

export const TENANT_TIERS: TenantTier[] = ['enterprise', 'pro', 'free'];

export const TENANT_STATUSES: TenantStatus[] = ['active', 'trial', 'suspended'];

export const TENANT_TIER_LABELS: Record<TenantTier, string> = {
  free: 'Free',
  pro: 'Pro',
  enterprise: 'Enterprise',
};

export const TENANT_STATUS_LABELS: Record<TenantStatus, string> = {
  active: 'Active',
  trial: 'Trial',
  suspended: 'Suspended',
};

/** Chip colours of tenant statuses: active green, trial amber, suspended red. */
export const TENANT_STATUS_COLORS: Record<
  TenantStatus,
  { background: string; color: string }
> = {
  active: HEALTH_STATUS_COLORS.pass,
  trial: HEALTH_STATUS_COLORS.warn,
  suspended: HEALTH_STATUS_COLORS.fail,
};
