import { TenantDeliverability } from '@opsconsole/backstage-plugin-ops-common';
import { toTimePoints } from '../../shared/charts';

/** One chart point per bucket; rates in percent, null without a denominator. */
export interface DeliverabilityPoint {
  time: number;
  sent: number;
  delivered: number;
  bounced: number;
  complaints: number;
  tenantDeliveryRate: number | null;
  fleetDeliveryRate: number | null;
  tenantBounceRate: number | null;
  fleetBounceRate: number | null;
  tenantComplaintRate: number | null;
  fleetComplaintRate: number | null;
}

const percent = (share: number | null | undefined) =>
  share === null || share === undefined ? null : share * 100;

export function toDeliverabilityPoints(
  deliverability: TenantDeliverability,
): DeliverabilityPoint[] {
  return toTimePoints(deliverability.buckets, ({ tenant, fleet }) => ({
    sent: tenant.sent,
    delivered: tenant.delivered,
    bounced: tenant.bounced,
    complaints: tenant.complaints,
    tenantDeliveryRate: percent(tenant.deliveryRate),
    fleetDeliveryRate: percent(fleet.deliveryRate),
    tenantBounceRate: percent(tenant.bounceRate),
    fleetBounceRate: percent(fleet.bounceRate),
    tenantComplaintRate: percent(tenant.complaintRate),
    fleetComplaintRate: percent(fleet.complaintRate),
  }));
}
