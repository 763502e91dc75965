import { PlatformRepository } from '../db/repository';
import { pickOne, randomInt, RandomSource } from './random';

/** Share of recorded logins that fail. */
export const LOGIN_FAILURE_RATE = 0.05;

/** One scheduler tick: record 1..3 logins of random active users. */
export function recordLoginsTick(
  repository: PlatformRepository,
  random: RandomSource,
  now: Date = new Date(),
): number {
  const users = repository.listActiveUsers();
  const count = users.length > 0 ? randomInt(random, 1, 3) : 0;
  for (let i = 0; i < count; i++) {
    const user = pickOne(random, users)!;
    const ip = `10.${randomInt(random, 0, 255)}.${randomInt(
      random,
      0,
      255,
    )}.${randomInt(random, 1, 254)}`;
    repository.recordLogin(user.id, random() >= LOGIN_FAILURE_RATE, ip, now);
  }
  return count;
}

/** One prune tick: delete delivered messages and logins older than the retention. */
export function pruneTick(
  repository: PlatformRepository,
  retentionHours: number,
  now: Date = new Date(),
) {
  const cutoff = new Date(now.getTime() - retentionHours * 3_600_000);
  return repository.pruneOlderThan(cutoff);
}
