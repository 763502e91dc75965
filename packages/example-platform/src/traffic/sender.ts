import { DeliveryCounts, PlatformRepository } from '../db/repository';
import { DeliveryOutcome } from '../db/types';
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

/** One worker tick: "send" up to `batchSize` queued messages. */
export function sendTick(
  repository: PlatformRepository,
  options: { batchSize: number; bounceRate: number; complaintRate: number },
  random: RandomSource,
): DeliveryCounts {
  return repository.deliverBatch(options.batchSize, () =>
    decideOutcome(random, options),
  );
}
