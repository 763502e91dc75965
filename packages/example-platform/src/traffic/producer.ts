import { PlatformRepository } from '../db/repository';
import { TenantFeatures } from '../features/TenantFeatures';
import { submitMessages } from '../mail/submitMessages';
import { NewMessage, Tenant, TenantTier } from '../db/types';
import { pickOne, pickWeighted, randomInt, RandomSource } from './random';

/** Relative share of traffic each tier sends. */
export const TIER_WEIGHTS: Readonly<Record<TenantTier, number>> = {
  free: 1,
  pro: 3,
  enterprise: 6,
};

const SUBJECTS = [
  'Your invoice is ready',
  'Reset your password',
  'Welcome aboard',
  'Your order has shipped',
  'Weekly digest',
  'Confirm your email address',
  'Your report is ready',
  'Security alert: new sign-in',
];

const SENDERS = ['noreply', 'billing', 'support', 'notifications'];

/** Builds `count` plausible messages for tenants picked by tier weight. */
export function generateMessages(
  tenants: readonly Tenant[],
  count: number,
  random: RandomSource,
): NewMessage[] {
  const senders = tenants.filter(t => t.status !== 'suspended');
  const messages: NewMessage[] = [];
  for (let i = 0; i < count; i++) {
    const tenant = pickWeighted(random, senders, t => TIER_WEIGHTS[t.tier]);
    if (!tenant) {
      break;
    }
    messages.push({
      tenantId: tenant.id,
      sender: `${pickOne(random, SENDERS)}@${tenant.id}.example.com`,
      recipient: `customer${randomInt(random, 1, 5000)}@mail${randomInt(
        random,
        1,
        40,
      )}.example.net`,
      subject: pickOne(random, SUBJECTS) ?? SUBJECTS[0],
    });
  }
  return messages;
}

/**
 * One producer tick: send 1..maxPerTick messages for tenants picked by tier
 * (evaluating each tenant's features first). Returns how many were queued.
 */
export async function produceTick(
  deps: { repository: PlatformRepository; features: TenantFeatures },
  maxPerTick: number,
  random: RandomSource,
): Promise<number> {
  const tenants = deps.repository.listTenants();
  const count = randomInt(random, 1, Math.max(1, Math.floor(maxPerTick)));
  const submitted = await submitMessages(
    deps,
    generateMessages(tenants, count, random),
  );
  return submitted.queued;
}
