import {
  OpsAlertSeverity,
  TenantTier,
} from '@opsconsole/backstage-plugin-ops-common';

/**
 * Severity of a spike alert by the tenant's tier: a compromised enterprise tenant hurts the
 * most customers' recipients and the sending reputation shared with them. A tenant of unknown
 * tier (not in the catalog) counts as free.
 */
export function spikeSeverity(tier: TenantTier | undefined): OpsAlertSeverity {
  switch (tier) {
    case 'enterprise':
      return 'critical';
    case 'pro':
      return 'high';
    default:
      return 'medium';
  }
}
