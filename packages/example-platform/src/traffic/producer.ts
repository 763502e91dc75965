import { PlatformRepository } from '../db/repository';
import { PlatformLogger } from '../logger';
import { Tenant, TenantTier } from '../db/types';
import { TenantFeatures } from '../features/TenantFeatures';
import { submitMessages } from '../mail/submitMessages';
import { OutboundEmail, OutboundQueue } from '../queue/types';
import { pickOne, pickWeighted, randomInt, RandomSource } from './random';

/** Relative share of traffic each tier sends. */
export const TIER_WEIGHTS: Readonly<Record<TenantTier, number>> = {
  free: 1,
  pro: 3,
  enterprise: 6,
};

/** Transactional mail a tenant's application sends: subject and body. */
const TEMPLATES: ReadonlyArray<{
  subject: string;
  text: (name: string, ref: number) => string;
  sender: string;
}> = [
  {
    subject: 'Your invoice is ready',
    sender: 'billing',
    text: (name, ref) =>
      `Hi ${name},\n\nyour invoice INV-${ref} is ready. You can download it from your account page.\n\nThank you for your business.`,
  },
  {
    subject: 'Reset your password',
    sender: 'noreply',
    text: (name, ref) =>
      `Hi ${name},\n\nsomeone asked to reset your password. Use code ${ref} within 15 minutes, or ignore this email.`,
  },
  {
    subject: 'Welcome aboard',
    sender: 'noreply',
    text: name => `Hi ${name},\n\nwelcome! Your account is ready to use.`,
  },
  {
    subject: 'Your order has shipped',
    sender: 'notifications',
    text: (name, ref) =>
      `Hi ${name},\n\norder #${ref} is on its way. Track it from your account page.`,
  },
  {
    subject: 'Weekly digest',
    sender: 'notifications',
    text: name =>
      `Hi ${name},\n\nhere is what happened in your workspace this week.`,
  },
  {
    subject: 'Confirm your email address',
    sender: 'noreply',
    text: (name, ref) =>
      `Hi ${name},\n\nconfirm your email address with code ${ref}.`,
  },
  {
    subject: 'Security alert: new sign-in',
    sender: 'support',
    text: name =>
      `Hi ${name},\n\nwe noticed a new sign-in to your account. If this was not you, reset your password.`,
  },
];

/** Builds one plausible transactional email of a tenant to a customer. */
export function transactionalEmail(
  tenantId: string,
  random: RandomSource,
): OutboundEmail {
  const template = pickOne(random, TEMPLATES) ?? TEMPLATES[0];
  const customer = `customer${randomInt(random, 1, 5000)}`;
  const ref = randomInt(random, 10000, 99999);
  const text = template.text(customer, ref);
  const email: OutboundEmail = {
    tenantId,
    from: `${template.sender}@${tenantId}.example.com`,
    to: [`${customer}@mail${randomInt(random, 1, 40)}.example.net`],
    subject: template.subject,
    text,
    headers: {
      'Message-ID': `<${ref}.${randomInt(
        random,
        0,
        1e9,
      )}@${tenantId}.example.com>`,
      'X-Tenant-Id': tenantId,
    },
  };
  if (random() < 0.5) {
    email.html = `<p>${text.replace(/\n\n/g, '</p><p>')}</p>`;
  }
  if (random() < 0.05) {
    email.cc = [`accounts@mail${randomInt(random, 1, 40)}.example.net`];
  }
  return email;
}

/** Builds `count` plausible emails for tenants picked by tier weight. */
export function generateMessages(
  tenants: readonly Tenant[],
  count: number,
  random: RandomSource,
): OutboundEmail[] {
  const senders = tenants.filter(t => t.status !== 'suspended');
  const emails: OutboundEmail[] = [];
  for (let i = 0; i < count; i++) {
    const tenant = pickWeighted(random, senders, t => TIER_WEIGHTS[t.tier]);
    if (!tenant) {
      break;
    }
    emails.push(transactionalEmail(tenant.id, random));
  }
  return emails;
}

/**
 * One producer tick: send 1..maxPerTick emails for tenants picked by tier
 * (evaluating each tenant's features first). Returns how many were queued.
 */
export async function produceTick(
  deps: {
    repository: PlatformRepository;
    queue: OutboundQueue;
    features: TenantFeatures;
    logger: PlatformLogger;
  },
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
