import { PlatformLogin } from '@opsconsole/backstage-plugin-ops-node';
import officeWorker from './__fixtures__/logins-office-worker-with-takeover.json';
import travelling from './__fixtures__/logins-travelling-mobile.json';
import {
  buildLoginPattern,
  dailyLoginBuckets,
  DEFAULT_LOGIN_PATTERN_OPTIONS,
  failedLoginBursts,
  rareLoginSources,
} from './loginPattern';
import { maskIp } from '../pii/masking';

// Recorded series (30 days up to 2026-11-25):
// - office worker: weekday logins from the office IP (DE), evenings from home (DE), one day in
//   Lisbon (PT), and on 2026-11-20 at 03:14 eight failed logins from two IPs in RU followed by
//   a successful one (an account takeover);
// - travelling sales rep: a new mobile IP at nearly every login, country changing weekly.
const NOW = Date.parse('2026-11-25T18:00:00.000Z');

const login = (
  at: string,
  success = true,
  ip = '198.51.100.23',
  country: string | undefined = 'DE',
): PlatformLogin => ({ userId: 'u', at, success, ip, country });

describe('dailyLoginBuckets', () => {
  it('counts successes and failures per UTC day, zero-filled, oldest first', () => {
    const days = dailyLoginBuckets(
      [
        login('2026-11-23T23:59:59.000Z'),
        login('2026-11-24T00:00:00.000Z', false),
        login('2026-11-24T10:00:00.000Z'),
        login('2026-11-25T17:00:00.000Z', false),
        login('2026-11-20T10:00:00.000Z'), // before the range
      ],
      { now: NOW, days: 3 },
    );
    expect(days).toEqual([
      { start: '2026-11-23T00:00:00.000Z', succeeded: 1, failed: 0 },
      { start: '2026-11-24T00:00:00.000Z', succeeded: 1, failed: 1 },
      { start: '2026-11-25T00:00:00.000Z', succeeded: 0, failed: 1 },
    ]);
  });

  it('accounts for every login of the recorded series', () => {
    const days = dailyLoginBuckets(officeWorker, { now: NOW, days: 30 });
    expect(days).toHaveLength(30);
    expect(days[0].start).toBe('2026-10-27T00:00:00.000Z');
    const failed = officeWorker.filter(l => !l.success).length;
    expect(days.reduce((n, d) => n + d.failed, 0)).toBe(failed);
    expect(days.reduce((n, d) => n + d.succeeded + d.failed, 0)).toBe(
      officeWorker.length,
    );
    expect(days.find(d => d.start.startsWith('2026-11-20'))?.failed).toBe(8);
  });
});

describe('rareLoginSources', () => {
  it('flags the countries and IPs the office worker was seen on one day only, with reasons', () => {
    const flags = rareLoginSources(officeWorker);
    expect(flags.map(f => [f.kind, f.value, f.count]).sort()).toEqual(
      [
        ['country', 'PT', 2],
        ['country', 'RU', 9],
        ['ip', '192.0.2.150', 2],
        ['ip', '45.155.205.17', 7],
        ['ip', '45.155.205.90', 2],
      ].sort(),
    );
    const ru = flags.find(f => f.value === 'RU')!;
    expect(ru).toMatchObject({
      firstAt: '2026-11-20T03:14:02.000Z',
      lastAt: '2026-11-20T03:21:30.000Z',
    });
    expect(ru.reason).toBe(
      'Country RU seen on 1 of 25 days with logins (4%): 9 logins, 8 failed; ' +
        'this user usually logs in from DE (100% of days)',
    );
    expect(flags.find(f => f.value === '192.0.2.150')!.reason).toContain(
      'usually logs in from 198.51.100.23 (88% of days), 203.0.113.77 (40% of days)',
    );
  });

  it('does not flag the usual office and home IPs', () => {
    const values = rareLoginSources(officeWorker).map(f => f.value);
    expect(values).not.toContain('198.51.100.23');
    expect(values).not.toContain('203.0.113.77');
    expect(values).not.toContain('DE');
  });

  it('flags nothing for a user without usual sources (a new mobile IP every time)', () => {
    expect(rareLoginSources(travelling)).toEqual([]);
  });

  it('flags nothing with less history than minHistoryDays', () => {
    const logins = [
      ...Array.from({ length: 5 }, (_, i) =>
        login(`2026-11-0${i + 1}T08:00:00.000Z`),
      ),
      login('2026-11-06T08:00:00.000Z', true, '192.0.2.1', 'BR'),
    ];
    expect(rareLoginSources(logins)).toEqual([]);
    expect(
      rareLoginSources(logins, {
        ...DEFAULT_LOGIN_PATTERN_OPTIONS,
        minHistoryDays: 6,
        rareShare: 0.2,
      }).map(f => f.value),
    ).toEqual(['BR', '192.0.2.1']);
  });

  it('shows IPs through the given display function (masking)', () => {
    const flags = rareLoginSources(
      officeWorker,
      DEFAULT_LOGIN_PATTERN_OPTIONS,
      maskIp,
    );
    const text = JSON.stringify(flags);
    expect(text).not.toContain('45.155.205.17');
    expect(text).not.toContain('198.51.100.23');
    expect(flags.find(f => f.kind === 'ip')!.value).toMatch(
      /^\d+\.\d+\.\*\.\*$/,
    );
  });
});

describe('failedLoginBursts', () => {
  it('finds the takeover burst and the success that followed it', () => {
    const bursts = failedLoginBursts(officeWorker);
    expect(bursts).toHaveLength(1);
    expect(bursts[0]).toEqual({
      kind: 'failed-burst',
      value: '45.155.205.17',
      count: 8,
      firstAt: '2026-11-20T03:14:02.000Z',
      lastAt: '2026-11-20T03:19:10.000Z',
      reason:
        '8 failed logins within 5 min from 2 IPs, mostly 45.155.205.17 ' +
        '(threshold: 5 within 10 min); followed by a successful login at ' +
        '2026-11-20T03:21:30.000Z from 45.155.205.17',
    });
  });

  it('ignores scattered failures (typos) and needs the threshold within the window', () => {
    const failures = (times: string[]) =>
      times.map(t => login(`2026-11-10T${t}.000Z`, false));
    // 4 failures in a minute: below the threshold of 5
    expect(
      failedLoginBursts(
        failures(['08:00:00', '08:00:10', '08:00:20', '08:00:30']),
      ),
    ).toEqual([]);
    // 5 failures, but spread over 20 minutes
    expect(
      failedLoginBursts(
        failures(['08:00:00', '08:05:00', '08:10:01', '08:15:02', '08:20:03']),
      ),
    ).toEqual([]);
    // 5 within 10 minutes, not followed by a success
    const [burst] = failedLoginBursts(
      failures(['08:00:00', '08:02:00', '08:04:00', '08:06:00', '08:08:00']),
    );
    expect(burst.reason).toBe(
      '5 failed logins within 8 min from 198.51.100.23 (threshold: 5 within 10 min)',
    );
  });

  it('merges overlapping windows into one burst and keeps separate ones apart', () => {
    const times = [
      ...Array.from(
        { length: 12 },
        (_, i) => `2026-11-10T08:${String(i * 2).padStart(2, '0')}:00.000Z`,
      ),
      ...Array.from({ length: 5 }, (_, i) => `2026-11-10T15:0${i}:00.000Z`),
    ];
    const bursts = failedLoginBursts(times.map(t => login(t, false)));
    expect(bursts.map(b => [b.count, b.firstAt, b.lastAt])).toEqual([
      [12, '2026-11-10T08:00:00.000Z', '2026-11-10T08:22:00.000Z'],
      [5, '2026-11-10T15:00:00.000Z', '2026-11-10T15:04:00.000Z'],
    ]);
  });
});

describe('buildLoginPattern', () => {
  it('gives days and unusual sources, most recent first, with masked IPs when asked', () => {
    const pattern = buildLoginPattern(officeWorker, {
      now: NOW,
      days: 30,
      displayIp: maskIp,
    });
    expect(pattern.from).toBe('2026-10-27T00:00:00.000Z');
    expect(pattern.to).toBe('2026-11-25T18:00:00.000Z');
    expect(pattern.days).toHaveLength(30);
    expect(pattern.unusual.map(u => u.kind)).toEqual([
      'country',
      'ip',
      'failed-burst',
      'ip',
      'country',
      'ip',
    ]);
    expect(pattern.unusual[0].lastAt >= pattern.unusual[5].lastAt).toBe(true);
    expect(JSON.stringify(pattern)).not.toMatch(/45\.155\.205\.(17|90)/);
  });

  it('leaves out logins before the first day', () => {
    const pattern = buildLoginPattern(officeWorker, {
      now: NOW,
      days: 3,
    });
    expect(pattern.unusual).toEqual([]);
    expect(pattern.days.map(d => d.start)).toEqual([
      '2026-11-23T00:00:00.000Z',
      '2026-11-24T00:00:00.000Z',
      '2026-11-25T00:00:00.000Z',
    ]);
  });
});
