import { SqliteDatabase } from '../db/sqlite';
import { NewLogin, TenantStatus, UserStatus } from '../db/types';
import { randomInt, RandomSource } from '../traffic/random';
import {
  LoginSource,
  loginProfileOf,
  pickUsualSource,
  SCRIPT_USER_AGENTS,
} from './loginProfiles';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Days of login history a fresh database starts with. */
export const LOGIN_HISTORY_DAYS = 30;

/** Share of usual logins preceded by a failed attempt (a mistyped password). */
export const SEEDED_TYPO_RATE = 0.05;

/** A suspended tenant's users stopped logging in this many days ago. */
export const SUSPENDED_DAYS_AGO = 12;

/** A disabled user stopped logging in (successfully) this many days ago. */
export const DISABLED_DAYS_AGO = 10;

/**
 * Unusual activity written into the seeded history, so the console's
 * "unusual sources" have something real to show. Times are relative to the
 * seeding time; users that do not exist are skipped.
 */
export const SEEDED_LOGIN_INCIDENTS: ReadonlyArray<{
  userId: string;
  /** When the first attempt happened, hours before seeding. */
  hoursAgo: number;
  failures: number;
  /** Whether the attacker finally got in. */
  thenSuccess: boolean;
  source: LoginSource | 'usual';
}> = [
  // credential stuffing that eventually succeeded: the story to investigate
  {
    userId: 'acme:road.runner',
    hoursAgo: 46,
    failures: 6,
    thenSuccess: true,
    source: {
      ip: '203.0.113.66',
      country: 'RU',
      userAgent: SCRIPT_USER_AGENTS[0],
    },
  },
  {
    userId: 'globex:frank.grimes',
    hoursAgo: 5 * 24 + 3,
    failures: 4,
    thenSuccess: false,
    source: { ip: '203.0.113.23', country: 'BR', userAgent: 'curl/8.5.0' },
  },
  {
    userId: 'hooli:nelson.bighetti',
    hoursAgo: 20,
    failures: 3,
    thenSuccess: false,
    source: {
      ip: '203.0.113.140',
      country: 'CN',
      userAgent: SCRIPT_USER_AGENTS[0],
    },
  },
  // travelling: successful logins from a country the user does not live in
  {
    userId: 'umbrella:jill.valentine',
    hoursAgo: 9 * 24,
    failures: 0,
    thenSuccess: true,
    source: {
      ip: '203.0.113.201',
      country: 'VN',
      userAgent:
        'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
    },
  },
  // a disabled account someone keeps trying
  {
    userId: 'globex:lenny.leonard',
    hoursAgo: 3 * 24,
    failures: 2,
    thenSuccess: false,
    source: 'usual',
  },
];

interface SeedUser {
  id: string;
  status: UserStatus;
  region: string;
  tenantStatus: TenantStatus;
}

/**
 * Writes ~30 days of logins for every user who ever logged in: a few per
 * working day at office hours of the tenant's region, from the user's usual
 * sources, with the odd mistyped password, plus {@link SEEDED_LOGIN_INCIDENTS}.
 * Returns the logins to record; the caller writes them.
 */
export function buildLoginHistory(
  users: readonly SeedUser[],
  now: Date,
  random: RandomSource,
): NewLogin[] {
  const logins: NewLogin[] = [];
  const end = now.getTime();
  for (const user of users) {
    if (user.status === 'invited') {
      continue;
    }
    const profile = loginProfileOf(user.id, user.region);
    let stopAt = end;
    if (user.tenantStatus === 'suspended') {
      stopAt = end - SUSPENDED_DAYS_AGO * DAY;
    } else if (user.status === 'disabled') {
      stopAt = end - DISABLED_DAYS_AGO * DAY;
    }
    for (let daysAgo = LOGIN_HISTORY_DAYS; daysAgo >= 0; daysAgo--) {
      // midnight, local time of the user
      const localMidnight =
        Math.floor((end - daysAgo * DAY) / DAY) * DAY -
        profile.utcOffsetHours * HOUR;
      const weekday = new Date(localMidnight + 12 * HOUR).getUTCDay();
      const weekend = weekday === 0 || weekday === 6;
      const count = weekend ? randomInt(random, 0, 1) : randomInt(random, 1, 4);
      for (let i = 0; i < count; i++) {
        const at =
          localMidnight +
          randomInt(random, 8, 18) * HOUR +
          randomInt(random, 0, 59) * 60_000;
        if (at >= stopAt || at < end - LOGIN_HISTORY_DAYS * DAY) {
          continue;
        }
        const source = pickUsualSource(random, profile);
        if (random() < SEEDED_TYPO_RATE) {
          logins.push({
            userId: user.id,
            success: false,
            ...source,
            at: new Date(at - 40_000),
          });
        }
        logins.push({
          userId: user.id,
          success: true,
          ...source,
          at: new Date(at),
        });
      }
    }
  }

  const byId = new Map(users.map(u => [u.id, u]));
  for (const incident of SEEDED_LOGIN_INCIDENTS) {
    const user = byId.get(incident.userId);
    if (!user) {
      continue;
    }
    const source =
      incident.source === 'usual'
        ? pickUsualSource(random, loginProfileOf(user.id, user.region))
        : incident.source;
    const start = end - incident.hoursAgo * HOUR;
    for (let i = 0; i < incident.failures; i++) {
      logins.push({
        userId: user.id,
        success: false,
        ...source,
        at: new Date(start + i * 70_000),
      });
    }
    if (incident.thenSuccess) {
      logins.push({
        userId: user.id,
        success: true,
        ...source,
        at: new Date(start + incident.failures * 70_000 + 30_000),
      });
    }
  }
  return logins.sort((a, b) => a.at!.getTime() - b.at!.getTime());
}

/** The users {@link buildLoginHistory} needs, with their tenant's region and status. */
export function loadSeedUsers(db: SqliteDatabase): SeedUser[] {
  return (
    db
      .prepare(
        `SELECT u.id, u.status, t.region, t.status AS tenant_status
         FROM users u JOIN tenants t ON t.id = u.tenant_id ORDER BY u.id`,
      )
      .all() as Array<{
      id: string;
      status: UserStatus;
      region: string;
      tenant_status: TenantStatus;
    }>
  ).map(r => ({
    id: r.id,
    status: r.status,
    region: r.region,
    tenantStatus: r.tenant_status,
  }));
}
