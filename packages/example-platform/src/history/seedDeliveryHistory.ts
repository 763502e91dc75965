import { Tenant, TenantTier } from '../db/types';
import { RandomSource } from '../traffic/random';
import { regionUtcOffsetHours } from './loginProfiles';
import { SUSPENDED_DAYS_AGO } from './seedLoginHistory';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Days of hourly delivery counts a fresh database starts with. */
export const DELIVERY_HISTORY_DAYS = 30;

/** Messages per hour at the busiest time of a working day, by tier. */
export const PEAK_MESSAGES_PER_HOUR: Readonly<Record<TenantTier, number>> = {
  enterprise: 2400,
  pro: 900,
  free: 180,
};

/** One hour of one tenant's deliveries. */
export interface HourlyDeliveryCounts {
  tenantId: string;
  /** Epoch seconds, a whole hour. */
  bucketStart: number;
  sent: number;
  bounced: number;
  complaints: number;
}

/**
 * Episodes written into the seeded history so the charts have something to
 * explain: a bounce storm, a complaint spike, and the bounces that got a
 * tenant suspended.
 */
export const SEEDED_DELIVERY_INCIDENTS: ReadonlyArray<{
  tenantId: string;
  /** Start, hours before seeding. */
  hoursAgo: number;
  hours: number;
  bounceRate?: number;
  complaintRate?: number;
}> = [
  { tenantId: 'globex', hoursAgo: 3 * 24 + 6, hours: 6, bounceRate: 0.16 },
  { tenantId: 'initech', hoursAgo: 8 * 24 + 2, hours: 5, complaintRate: 0.03 },
];

/** Share of the peak volume sent at a given local hour and day. */
export function diurnalFactor(localHour: number, weekend: boolean): number {
  const day =
    localHour >= 6 && localHour <= 20
      ? 0.2 + 0.8 * Math.sin((Math.PI * (localHour - 6)) / 14)
      : 0.2;
  return weekend ? day * 0.45 : day;
}

/**
 * Hourly delivery counts of the last {@link DELIVERY_HISTORY_DAYS} days (up to
 * the last whole hour) for every tenant: volume by tier and office hours of
 * the tenant's region, ~2% bounces (3% on free), ~0.4% complaints, with
 * {@link SEEDED_DELIVERY_INCIDENTS}. A suspended tenant stops sending
 * {@link SUSPENDED_DAYS_AGO} days ago, after four days of rising bounces.
 */
export function buildDeliveryHistory(
  tenants: readonly Tenant[],
  now: Date,
  random: RandomSource,
): HourlyDeliveryCounts[] {
  const rows: HourlyDeliveryCounts[] = [];
  const lastHour = Math.floor(now.getTime() / HOUR) * HOUR - HOUR;
  const firstHour = lastHour - DELIVERY_HISTORY_DAYS * DAY + HOUR;
  for (const tenant of tenants) {
    const utcOffsetHours = regionUtcOffsetHours(tenant.region);
    const createdAt = Date.parse(tenant.createdAt);
    const suspendedAt =
      tenant.status === 'suspended'
        ? now.getTime() - SUSPENDED_DAYS_AGO * DAY
        : Infinity;
    for (let hour = firstHour; hour <= lastHour; hour += HOUR) {
      if (hour < createdAt || hour >= suspendedAt) {
        continue;
      }
      const local = new Date(hour + utcOffsetHours * HOUR);
      const weekend = local.getUTCDay() === 0 || local.getUTCDay() === 6;
      const sent = Math.round(
        PEAK_MESSAGES_PER_HOUR[tenant.tier] *
          diurnalFactor(local.getUTCHours(), weekend) *
          (0.85 + 0.3 * random()),
      );
      let bounceRate = tenant.tier === 'free' ? 0.03 : 0.02;
      let complaintRate = 0.004;
      if (suspendedAt - hour < 4 * DAY) {
        bounceRate += 0.2 * (1 - (suspendedAt - hour) / (4 * DAY));
      }
      for (const incident of SEEDED_DELIVERY_INCIDENTS) {
        const start = now.getTime() - incident.hoursAgo * HOUR;
        if (
          incident.tenantId === tenant.id &&
          hour >= start - HOUR &&
          hour < start + incident.hours * HOUR
        ) {
          bounceRate = incident.bounceRate ?? bounceRate;
          complaintRate = incident.complaintRate ?? complaintRate;
        }
      }
      const bounced = Math.round(sent * bounceRate * (0.8 + 0.4 * random()));
      const complaints = Math.round(
        (sent - bounced) * complaintRate * (0.7 + 0.6 * random()),
      );
      rows.push({
        tenantId: tenant.id,
        bucketStart: hour / 1000,
        sent,
        bounced,
        complaints,
      });
    }
  }
  return rows;
}
