import { PlatformRepository } from '../db/repository';
import {
  loginProfileOf,
  pickUnusualSource,
  pickUsualSource,
} from '../history/loginProfiles';
import { RandomSource } from './random';

/** Share of recorded logins that fail (mistyped passwords). */
export const LOGIN_FAILURE_RATE = 0.05;

/** Share of recorded logins that come from an unusual country (and mostly fail). */
export const UNUSUAL_LOGIN_RATE = 0.01;

const DAY_MS = 86_400_000;

/**
 * One scheduler tick: each active user logs in with a probability that
 * gives `loginsPerUserPerDay` logins a day at a tick every
 * `loginIntervalMs`, from one of the user's usual sources (rarely an
 * unusual one). Returns how many logins were recorded.
 */
export function recordLoginsTick(
  repository: PlatformRepository,
  random: RandomSource,
  options: { loginsPerUserPerDay: number; loginIntervalMs: number },
  now: Date = new Date(),
): number {
  const regions = new Map(
    repository.listTenants().map(t => [t.id, t.region] as const),
  );
  const chance = Math.min(
    1,
    (options.loginsPerUserPerDay * options.loginIntervalMs) / DAY_MS,
  );
  let count = 0;
  for (const user of repository.listActiveUsers()) {
    if (random() >= chance) {
      continue;
    }
    const unusual = random() < UNUSUAL_LOGIN_RATE;
    const source = unusual
      ? pickUnusualSource(random)
      : pickUsualSource(
          random,
          loginProfileOf(user.id, regions.get(user.tenantId) ?? ''),
        );
    const success = unusual ? random() < 0.2 : random() >= LOGIN_FAILURE_RATE;
    repository.recordLogin({ userId: user.id, success, ...source, at: now });
    count++;
  }
  return count;
}

/**
 * One prune tick: delete delivered messages older than `retentionHours`,
 * logins and delivery history older than `historyDays`, and fold per-minute
 * delivery counts older than `retentionHours` into hours.
 */
export function pruneTick(
  repository: PlatformRepository,
  options: { retentionHours: number; historyDays: number },
  now: Date = new Date(),
) {
  return repository.pruneOlderThan(
    new Date(now.getTime() - options.retentionHours * 3_600_000),
    new Date(now.getTime() - options.historyDays * DAY_MS),
  );
}
