import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  openPlatformDatabase,
  PlatformDatabase,
} from '../db/openPlatformDatabase';
import { loginProfileOf, UNUSUAL_COUNTRIES } from './loginProfiles';
import { seedHistory } from './seedHistory';
import {
  DISABLED_DAYS_AGO,
  LOGIN_HISTORY_DAYS,
  SUSPENDED_DAYS_AGO,
} from './seedLoginHistory';

const NOW = new Date('2026-11-26T10:30:00.000Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface LoginRow {
  user_id: string;
  at: string;
  success: number;
  ip: string;
  country: string;
  user_agent: string;
}

describe('seeded history', () => {
  let database: PlatformDatabase;
  let logins: LoginRow[];

  beforeAll(() => {
    database = openPlatformDatabase(':memory:', {
      seedHistory: true,
      now: NOW,
    });
    logins = database.db
      .prepare('SELECT * FROM logins ORDER BY at')
      .all() as LoginRow[];
  });

  afterAll(() => database.close());

  const loginsOf = (userId: string) => logins.filter(l => l.user_id === userId);

  it('gives every user who ever logged in ~30 days of logins, none in the future', () => {
    expect(Date.parse(logins[0].at)).toBeGreaterThanOrEqual(
      NOW.getTime() - LOGIN_HISTORY_DAYS * DAY,
    );
    expect(Date.parse(logins[logins.length - 1].at)).toBeLessThanOrEqual(
      NOW.getTime(),
    );
    const wile = loginsOf('acme:wile.coyote');
    expect(wile.length).toBeGreaterThan(30);
    expect(wile.length).toBeLessThan(120);
    expect(loginsOf('acme:elmer.fudd')).toEqual([]); // invited
  });

  it('keeps most logins to the usual one or two countries and addresses of each user', () => {
    const wile = loginsOf('acme:wile.coyote');
    const usual = loginProfileOf('acme:wile.coyote', 'eu-west-1').usual;
    expect(
      wile.every(l =>
        usual.some(u => u.ip === l.ip && u.country === l.country),
      ),
    ).toBe(true);
    expect(new Set(wile.map(l => l.country)).size).toBeLessThanOrEqual(2);
    expect(wile.some(l => l.success === 0)).toBe(true); // a mistyped password now and then
  });

  it('has failed logins from unusual countries for some users', () => {
    const unusual = logins.filter(l => UNUSUAL_COUNTRIES.includes(l.country));
    const users = new Set(unusual.map(l => l.user_id));
    expect(users.size).toBeGreaterThanOrEqual(3);
    expect(users.size).toBeLessThan(8);
    const road = loginsOf('acme:road.runner').filter(l => l.country === 'RU');
    expect(road.map(l => l.success)).toEqual([0, 0, 0, 0, 0, 0, 1]);
    expect(road.every(l => l.user_agent.startsWith('python-requests'))).toBe(
      true,
    );
  });

  it('stops logins of suspended tenants and disabled users', () => {
    const lastOf = (userId: string) =>
      Math.max(
        ...loginsOf(userId)
          .filter(l => l.success === 1)
          .map(l => Date.parse(l.at)),
      );
    expect(lastOf('stark:pepper.potts')).toBeLessThan(
      NOW.getTime() - SUSPENDED_DAYS_AGO * DAY,
    );
    expect(lastOf('globex:lenny.leonard')).toBeLessThan(
      NOW.getTime() - DISABLED_DAYS_AGO * DAY,
    );
    // but someone kept trying the disabled account
    expect(
      loginsOf('globex:lenny.leonard').filter(
        l => Date.parse(l.at) > NOW.getTime() - DISABLED_DAYS_AGO * DAY,
      ).length,
    ).toBe(2);
  });

  it('sets last_login_at to the last successful login', () => {
    const wile = database.directory.getUser('acme:wile.coyote')!;
    const last = loginsOf('acme:wile.coyote')
      .filter(l => l.success === 1)
      .pop()!;
    expect(wile.lastLoginAt).toBe(last.at);
  });

  it('has hourly delivery history up to the last whole hour, by tier', () => {
    const lastHour = new Date('2026-11-26T09:00:00.000Z');
    const points = (tenantId: string) =>
      database.deliverability.query({
        tenantId,
        from: new Date(lastHour.getTime() - 29 * DAY),
        to: new Date(lastHour.getTime() + 2 * HOUR),
        intervalSeconds: 3600,
      });
    const acme = points('acme');
    expect(acme.at(-2)!.sent).toBeGreaterThan(0);
    expect(acme.at(-1)!.sent).toBe(0); // the current hour: live traffic only
    const total = (items: typeof acme) => items.reduce((s, p) => s + p.sent, 0);
    expect(total(acme) / total(points('initech'))).toBeGreaterThan(8);
    const bounceRate =
      total(acme.map(p => ({ ...p, sent: p.bounced }))) / total(acme);
    expect(bounceRate).toBeGreaterThan(0.015);
    expect(bounceRate).toBeLessThan(0.025);
  });

  it('shows a bounce storm at globex and the bounces before stark was suspended', () => {
    const daily = (tenantId: string) =>
      database.deliverability.query({
        tenantId,
        from: new Date(NOW.getTime() - 30 * DAY),
        to: NOW,
        intervalSeconds: 6 * 3600,
      });
    const globex = daily('globex');
    const rates = globex.map(p => (p.sent ? p.bounced / p.sent : 0));
    expect(Math.max(...rates)).toBeGreaterThan(0.1);
    expect(rates.filter(r => r > 0.1).length).toBeLessThanOrEqual(2);

    const stark = daily('stark');
    const lastSending = stark.filter(p => p.sent > 0).pop()!;
    expect(lastSending.bounced / lastSending.sent).toBeGreaterThan(0.1);
    expect(Date.parse(lastSending.start)).toBeLessThan(
      NOW.getTime() - SUSPENDED_DAYS_AGO * DAY,
    );
  });

  it('seeds once per database', () => {
    const count = () =>
      (
        database.db.prepare('SELECT COUNT(*) AS n FROM logins').get() as {
          n: number;
        }
      ).n;
    const before = count();
    expect(seedHistory(database.db, new Date())).toEqual({
      logins: 0,
      deliveryHours: 0,
    });
    expect(count()).toBe(before);
  });
});

describe('schema', () => {
  it('upgrades a database file created by the first version of the platform', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'example-platform-v1-'));
    const file = path.join(dir, 'old.sqlite');
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const Driver = require('better-sqlite3');
      const old = new Driver(file);
      old.exec(`
        CREATE TABLE tenants (id TEXT PRIMARY KEY, name TEXT NOT NULL, tier TEXT NOT NULL,
          region TEXT NOT NULL, status TEXT NOT NULL, admin_email TEXT NOT NULL, created_at TEXT NOT NULL);
        CREATE TABLE users (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL, email TEXT NOT NULL UNIQUE,
          name TEXT NOT NULL, role TEXT NOT NULL, status TEXT NOT NULL, last_login_at TEXT);
        CREATE TABLE logins (id INTEGER PRIMARY KEY AUTOINCREMENT, user_id TEXT NOT NULL,
          at TEXT NOT NULL, success INTEGER NOT NULL, ip TEXT NOT NULL);
        INSERT INTO tenants VALUES ('acme', 'Acme', 'enterprise', 'eu-west-1', 'active', 'wile.coyote@acme.example.com', '2023-02-14T09:00:00.000Z');
        INSERT INTO users VALUES ('acme:wile.coyote', 'acme', 'wile.coyote@acme.example.com', 'Wile Coyote', 'owner', 'active', NULL);
        INSERT INTO logins (user_id, at, success, ip) VALUES ('acme:wile.coyote', '2026-11-01T10:00:00.000Z', 1, '10.0.0.1');
      `);
      old.close();

      const upgraded = openPlatformDatabase(file);
      try {
        expect(
          upgraded.directory.listLogins('acme:wile.coyote', { limit: 10 }),
        ).toEqual([
          {
            userId: 'acme:wile.coyote',
            at: '2026-11-01T10:00:00.000Z',
            success: true,
            ip: '10.0.0.1',
          },
        ]);
        expect(upgraded.db.pragma('user_version', { simple: true })).toBe(3);
        expect(upgraded.featureEvaluations.list('acme')).toEqual([]);
      } finally {
        upgraded.close();
      }
      // and opening it again is a no-op
      openPlatformDatabase(file).close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
