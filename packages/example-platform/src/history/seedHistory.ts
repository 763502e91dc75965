import { PlatformRepository } from '../db/repository';
import { immediateTransaction, SqliteDatabase } from '../db/sqlite';
import { RandomSource, seededRandom } from '../traffic/random';
import { buildDeliveryHistory } from './seedDeliveryHistory';
import { buildLoginHistory, loadSeedUsers } from './seedLoginHistory';

/** `platform_meta` key recording when the history was seeded. */
export const HISTORY_SEEDED_KEY = 'history_seeded_at';

/** Seed of the random numbers the history is built from: every fresh database looks alike. */
const HISTORY_SEED = 20261126;

/** What {@link seedHistory} wrote; zeros when the database already had its history. */
export interface SeededHistory {
  logins: number;
  deliveryHours: number;
}

/**
 * Gives a fresh database 30 days of login history and hourly delivery
 * counts, ending at `now`, so the console's 7/30-day charts and login
 * patterns have something to show from the first start. Runs once per
 * database (recorded in `platform_meta`).
 */
export function seedHistory(
  db: SqliteDatabase,
  now: Date = new Date(),
  random: RandomSource = seededRandom(HISTORY_SEED),
): SeededHistory {
  return immediateTransaction(db, () => {
    const done = db
      .prepare('SELECT value FROM platform_meta WHERE key = ?')
      .get(HISTORY_SEEDED_KEY);
    if (done) {
      return { logins: 0, deliveryHours: 0 };
    }
    const logins = buildLoginHistory(loadSeedUsers(db), now, random);
    const insertLogin = db.prepare(
      `INSERT INTO logins (user_id, at, success, ip, user_agent, country)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    for (const l of logins) {
      insertLogin.run(
        l.userId,
        l.at!.toISOString(),
        l.success ? 1 : 0,
        l.ip,
        l.userAgent ?? null,
        l.country ?? null,
      );
    }
    db.prepare(
      `UPDATE users SET last_login_at = (
         SELECT MAX(at) FROM logins WHERE user_id = users.id AND success = 1)
       WHERE EXISTS (SELECT 1 FROM logins WHERE user_id = users.id AND success = 1)`,
    ).run();

    const hours = buildDeliveryHistory(
      new PlatformRepository(db).listTenants(),
      now,
      random,
    );
    const insertCounts = db.prepare(
      `INSERT OR IGNORE INTO delivery_counts (tenant_id, bucket_start, sent, bounced, complaints)
       VALUES (?, ?, ?, ?, ?)`,
    );
    for (const h of hours) {
      insertCounts.run(
        h.tenantId,
        h.bucketStart,
        h.sent,
        h.bounced,
        h.complaints,
      );
    }
    db.prepare('INSERT INTO platform_meta (key, value) VALUES (?, ?)').run(
      HISTORY_SEEDED_KEY,
      now.toISOString(),
    );
    return { logins: logins.length, deliveryHours: hours.length };
  });
}
