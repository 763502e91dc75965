import { DeliveryOutcome, DeliveryResult } from '../db/types';
import { OutboundEmail } from '../queue/types';
import { RandomSource } from './random';

/** Picks the outcome of one delivery: bounced, complained or sent. */
export function decideOutcome(
  random: RandomSource,
  rates: { bounceRate: number; complaintRate: number },
): DeliveryOutcome {
  const roll = random();
  if (roll < rates.bounceRate) {
    return 'bounced';
  }
  if (roll < rates.bounceRate + rates.complaintRate) {
    return 'complained';
  }
  return 'sent';
}

/**
 * Why an email cannot be delivered at all (the job fails), or undefined:
 * recipients at `.invalid` domains (RFC 2606) have no mail server.
 */
export function deliveryFailure(email: OutboundEmail): string | undefined {
  const unroutable = [...email.to, ...(email.cc ?? [])].find(address =>
    /\.invalid$/i.test(address.trim()),
  );
  return unroutable
    ? `No MX or A record for ${unroutable.slice(
        unroutable.lastIndexOf('@') + 1,
      )} (recipient ${unroutable})`
    : undefined;
}

/** What the worker does with one email: fail it, or pick an outcome. */
export function decideDelivery(
  email: OutboundEmail,
  random: RandomSource,
  rates: { bounceRate: number; complaintRate: number },
): DeliveryResult {
  const failedReason = deliveryFailure(email);
  return failedReason ? { failedReason } : decideOutcome(random, rates);
}
