// The login pattern of a user: daily buckets of successful and failed logins, and login
// sources that stand out from the user's own history. Pure functions over a recorded series.

import {
  LoginDay,
  LoginPattern,
  UnusualLoginSource,
} from '@opsconsole/backstage-plugin-ops-common';
import { PlatformLogin } from '@opsconsole/backstage-plugin-ops-node';

const DAY_MS = 86_400_000;

export interface LoginPatternOptions {
  /** Days with logins needed before any country or IP is called rare. */
  minHistoryDays: number;
  /**
   * A country or IP seen on less than this share of the user's days with logins is rare.
   * Counted in days, not logins, so that one burst does not make a source usual.
   */
  rareShare: number;
  /**
   * Rarity only means something when the user has usual sources: the days with a login
   * from a country / IP at or above `rareShare` must be at least this share of all days.
   */
  usualCoverage: number;
  /** This many failed logins... */
  burstFailures: number;
  /** ...within this window make a failed-login burst. */
  burstWindowMs: number;
}

export const DEFAULT_LOGIN_PATTERN_OPTIONS: LoginPatternOptions = {
  minHistoryDays: 7,
  rareShare: 0.1,
  usualCoverage: 0.5,
  burstFailures: 5,
  burstWindowMs: 10 * 60_000,
};

/** How an IP is shown in flags and reasons (masked unless revealed). */
export type DisplayIp = (ip: string) => string;

const identity: DisplayIp = ip => ip;

const percent = (share: number) =>
  `${share < 0.1 ? Math.round(share * 1000) / 10 : Math.round(share * 100)}%`;

function duration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 120) return `${seconds} s`;
  return `${Math.round(seconds / 60)} min`;
}

const byTime = (a: PlatformLogin, b: PlatformLogin) =>
  Date.parse(a.at) - Date.parse(b.at);

/** One bucket per UTC day, `days` of them ending with the day of `now`, oldest first. */
export function dailyLoginBuckets(
  logins: readonly PlatformLogin[],
  range: { now: number; days: number },
): LoginDay[] {
  const first =
    Math.floor(range.now / DAY_MS) * DAY_MS - (range.days - 1) * DAY_MS;
  const days = Array.from({ length: range.days }, (_, i) => ({
    start: new Date(first + i * DAY_MS).toISOString(),
    succeeded: 0,
    failed: 0,
  }));
  for (const login of logins) {
    const index = Math.floor((Date.parse(login.at) - first) / DAY_MS);
    const day = days[index];
    if (!day) continue;
    if (login.success) day.succeeded += 1;
    else day.failed += 1;
  }
  return days;
}

/**
 * Countries and IPs that are rare in the user's own history: seen on less than `rareShare`
 * of the user's days with logins, while the user has usual sources to compare with.
 */
export function rareLoginSources(
  logins: readonly PlatformLogin[],
  options: LoginPatternOptions = DEFAULT_LOGIN_PATTERN_OPTIONS,
  displayIp: DisplayIp = identity,
): UnusualLoginSource[] {
  return [
    ...rareValues(
      logins,
      'country',
      l => l.country,
      c => c,
      options,
    ),
    ...rareValues(logins, 'ip', l => l.ip, displayIp, options),
  ];
}

const utcDay = (at: string) => at.slice(0, 10);

function rareValues(
  logins: readonly PlatformLogin[],
  kind: 'country' | 'ip',
  key: (login: PlatformLogin) => string | undefined,
  display: (value: string) => string,
  options: LoginPatternOptions,
): UnusualLoginSource[] {
  const groups = new Map<
    string,
    { logins: PlatformLogin[]; days: Set<string> }
  >();
  const allDays = new Set<string>();
  for (const login of logins) {
    const value = key(login);
    if (!value) continue;
    const day = utcDay(new Date(login.at).toISOString());
    const group = groups.get(value) ?? { logins: [], days: new Set<string>() };
    group.logins.push(login);
    group.days.add(day);
    groups.set(value, group);
    allDays.add(day);
  }
  if (allDays.size < options.minHistoryDays) return [];
  const share = (days: Set<string>) => days.size / allDays.size;
  const usual = [...groups.entries()]
    .filter(([, g]) => share(g.days) >= options.rareShare)
    .sort((a, b) => b[1].days.size - a[1].days.size);
  const usualDays = new Set(usual.flatMap(([, g]) => [...g.days]));
  if (usualDays.size / allDays.size < options.usualCoverage) return [];
  const usualText = usual
    .slice(0, 3)
    .map(
      ([value, g]) => `${display(value)} (${percent(share(g.days))} of days)`,
    )
    .join(', ');
  const label = kind === 'country' ? 'Country' : 'IP';

  return [...groups.entries()]
    .filter(([, g]) => share(g.days) < options.rareShare)
    .map(([value, g]) => {
      const sorted = [...g.logins].sort(byTime);
      const failed = g.logins.filter(l => !l.success).length;
      const attempts = `${g.logins.length} login${
        g.logins.length === 1 ? '' : 's'
      }`;
      return {
        kind,
        value: display(value),
        count: g.logins.length,
        firstAt: sorted[0].at,
        lastAt: sorted[sorted.length - 1].at,
        reason:
          `${label} ${display(value)} seen on ${g.days.size} of ${
            allDays.size
          } days ` +
          `with logins (${percent(share(g.days))}): ${attempts}` +
          `${failed ? `, ${failed} failed` : ''}; ` +
          `this user usually logs in from ${usualText}`,
      };
    });
}

/**
 * Failed-login bursts: at least `burstFailures` failed logins within `burstWindowMs`.
 * Overlapping and adjacent windows are merged into one burst.
 */
export function failedLoginBursts(
  logins: readonly PlatformLogin[],
  options: LoginPatternOptions = DEFAULT_LOGIN_PATTERN_OPTIONS,
  displayIp: DisplayIp = identity,
): UnusualLoginSource[] {
  const failures = logins.filter(l => !l.success).sort(byTime);
  const times = failures.map(l => Date.parse(l.at));
  const inBurst = new Array<boolean>(failures.length).fill(false);
  for (let end = 0, start = 0; end < failures.length; end++) {
    while (times[end] - times[start] > options.burstWindowMs) start++;
    if (end - start + 1 >= options.burstFailures) {
      inBurst.fill(true, start, end + 1);
    }
  }

  const bursts: PlatformLogin[][] = [];
  failures.forEach((login, i) => {
    if (!inBurst[i]) return;
    const current = bursts[bursts.length - 1];
    const previous = current?.[current.length - 1];
    if (
      previous &&
      inBurst[i - 1] &&
      times[i] - Date.parse(previous.at) <= options.burstWindowMs
    ) {
      current.push(login);
    } else {
      bursts.push([login]);
    }
  });

  const successes = logins.filter(l => l.success).sort(byTime);
  return bursts.map(burst => {
    const first = burst[0];
    const last = burst[burst.length - 1];
    const ipCounts = new Map<string, number>();
    for (const l of burst) ipCounts.set(l.ip, (ipCounts.get(l.ip) ?? 0) + 1);
    const [mainIp] = [...ipCounts.entries()].sort((a, b) => b[1] - a[1])[0];
    const lastMs = Date.parse(last.at);
    const success = successes.find(s => {
      const t = Date.parse(s.at);
      return t >= lastMs && t - lastMs <= options.burstWindowMs;
    });
    const window = duration(options.burstWindowMs);
    const ips =
      ipCounts.size === 1
        ? `from ${displayIp(mainIp)}`
        : `from ${ipCounts.size} IPs, mostly ${displayIp(mainIp)}`;
    return {
      kind: 'failed-burst' as const,
      value: displayIp(mainIp),
      count: burst.length,
      firstAt: first.at,
      lastAt: last.at,
      reason: [
        `${burst.length} failed logins within`,
        duration(lastMs - Date.parse(first.at)),
        ips,
        `(threshold: ${options.burstFailures} within ${window})`,
      ]
        .join(' ')
        .concat(
          success
            ? `; followed by a successful login at ${
                success.at
              } from ${displayIp(success.ip)}`
            : '',
        ),
    };
  });
}

/**
 * The login pattern over the `days` UTC days ending with `now`: daily buckets and the
 * unusual sources (rare countries / IPs, failed-login bursts), most recent first.
 */
export function buildLoginPattern(
  logins: readonly PlatformLogin[],
  params: {
    now: number;
    days: number;
    displayIp?: DisplayIp;
    options?: LoginPatternOptions;
  },
): LoginPattern {
  const days = dailyLoginBuckets(logins, params);
  const from = Date.parse(days[0].start);
  const inRange = logins.filter(l => {
    const t = Date.parse(l.at);
    return t >= from && t <= params.now;
  });
  const options = params.options ?? DEFAULT_LOGIN_PATTERN_OPTIONS;
  const displayIp = params.displayIp ?? identity;
  const unusual = [
    ...rareLoginSources(inRange, options, displayIp),
    ...failedLoginBursts(inRange, options, displayIp),
  ].sort((a, b) => Date.parse(b.lastAt) - Date.parse(a.lastAt));
  return {
    from: days[0].start,
    to: new Date(params.now).toISOString(),
    days,
    unusual,
  };
}
