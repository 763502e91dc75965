import { OutboundEmail } from '../queue/types';
import { pickOne, randomInt, RandomSource } from '../traffic/random';

const SUBJECTS = [
  'Urgent: verify your account within 24 hours',
  'Your mailbox is full - action required',
  'Invoice overdue: pay now to avoid suspension',
  'You have received a secure document',
  'Unusual sign-in activity detected',
  'Your package could not be delivered',
];

const WORDS = [
  'alpha',
  'delta',
  'nimbus',
  'orbit',
  'quartz',
  'summit',
  'vertex',
  'zephyr',
  'harbor',
  'maple',
  'cobalt',
  'falcon',
  'lumen',
  'pioneer',
  'ridge',
  'sable',
];

/** Top-level domains of recipients; `.invalid` ones cannot be delivered (the job fails). */
const TLDS = ['example.org', 'example.com', 'test', 'test', 'invalid'];

/** A random recipient nobody at the tenant ever wrote to, at a random domain. */
export function unknownRecipient(random: RandomSource): string {
  const word = pickOne(random, WORDS) ?? 'alpha';
  return `${word}.${randomInt(random, 100, 99999)}@${
    pickOne(random, WORDS) ?? 'delta'
  }${randomInt(random, 1, 999)}.${pickOne(random, TLDS) ?? 'test'}`;
}

/**
 * A phishing-like email from a compromised tenant account: an urgent
 * subject, a credential-harvesting link, one to three unknown recipients.
 */
export function phishingEmail(
  tenantId: string,
  random: RandomSource,
): OutboundEmail {
  const link = `http://secure-login.${
    pickOne(random, WORDS) ?? 'alpha'
  }-verify.test/${randomInt(random, 100000, 999999)}`;
  const text = `Dear customer,\n\nwe detected a problem with your account. Confirm your details at ${link} or your access will be suspended.\n\nSupport Team`;
  return {
    tenantId,
    from: `support@${tenantId}.example.com`,
    to: Array.from({ length: randomInt(random, 1, 3) }, () =>
      unknownRecipient(random),
    ),
    subject: pickOne(random, SUBJECTS) ?? SUBJECTS[0],
    text,
    html: `<p>Dear customer,</p><p>we detected a problem with your account. <a href="${link}">Confirm your details</a> or your access will be suspended.</p>`,
    headers: {
      'Message-ID': `<${randomInt(random, 0, 1e9)}@${tenantId}.example.com>`,
      'X-Tenant-Id': tenantId,
      'Reply-To': `billing-dept@${pickOne(random, WORDS) ?? 'zephyr'}.test`,
    },
  };
}
