import { immediateTransaction, SqliteDatabase } from './sqlite';

/**
 * The platform's tables. Statements are idempotent so the schema can be
 * applied on every start.
 */
export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS tenants (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  tier        TEXT NOT NULL CHECK (tier IN ('free', 'pro', 'enterprise')),
  region      TEXT NOT NULL,
  status      TEXT NOT NULL CHECK (status IN ('active', 'trial', 'suspended')),
  admin_email TEXT NOT NULL,
  created_at  TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS users (
  id            TEXT PRIMARY KEY,
  tenant_id     TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  email         TEXT NOT NULL UNIQUE,
  name          TEXT NOT NULL,
  role          TEXT NOT NULL CHECK (role IN ('owner', 'admin', 'member')),
  status        TEXT NOT NULL CHECK (status IN ('active', 'invited', 'disabled')),
  last_login_at TEXT
);
CREATE INDEX IF NOT EXISTS users_tenant_idx ON users (tenant_id);

CREATE TABLE IF NOT EXISTS logins (
  id      INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  at      TEXT NOT NULL,
  success INTEGER NOT NULL CHECK (success IN (0, 1)),
  ip      TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS logins_user_at_idx ON logins (user_id, at);
CREATE INDEX IF NOT EXISTS logins_at_idx ON logins (at);

CREATE TABLE IF NOT EXISTS messages (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  tenant_id  TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  sender     TEXT NOT NULL,
  recipient  TEXT NOT NULL,
  subject    TEXT NOT NULL,
  status     TEXT NOT NULL CHECK (status IN ('queued', 'sent', 'bounced', 'complained')),
  created_at TEXT NOT NULL,
  sent_at    TEXT
);
CREATE INDEX IF NOT EXISTS messages_status_created_idx ON messages (status, created_at);
CREATE INDEX IF NOT EXISTS messages_tenant_created_idx ON messages (tenant_id, created_at);
`;

/**
 * Changes on top of {@link SCHEMA_SQL}, applied once each, in order, and
 * tracked in `PRAGMA user_version` so database files created by an older
 * version of the platform are upgraded in place.
 */
export const SCHEMA_MIGRATIONS: ReadonlyArray<{
  version: number;
  sql: string;
}> = [
  {
    // login sources, delivery history, feature evaluations
    version: 2,
    sql: `
ALTER TABLE logins ADD COLUMN user_agent TEXT;
ALTER TABLE logins ADD COLUMN country TEXT;

-- Messages per tenant and bucket (epoch seconds; a minute for live traffic,
-- an hour for seeded or compacted history): the source of deliverability.
CREATE TABLE delivery_counts (
  tenant_id    TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  bucket_start INTEGER NOT NULL,
  sent         INTEGER NOT NULL DEFAULT 0,
  bounced      INTEGER NOT NULL DEFAULT 0,
  complaints   INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, bucket_start)
);
CREATE INDEX delivery_counts_start_idx ON delivery_counts (bucket_start);

-- The value last evaluated per tenant and feature flag.
CREATE TABLE feature_evaluations (
  tenant_id     TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  flag_key      TEXT NOT NULL,
  value_json    TEXT NOT NULL,
  variant       TEXT,
  reason        TEXT NOT NULL,
  error_code    TEXT,
  error_message TEXT,
  evaluated_at  TEXT NOT NULL,
  PRIMARY KEY (tenant_id, flag_key)
);

CREATE TABLE platform_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
`,
  },
  {
    // per-tenant outbound queues: job data, failed jobs, pauses, totals
    version: 3,
    sql: `
-- Rebuilt to allow the 'failed' status (a CHECK cannot be altered in SQLite).
CREATE TABLE messages_v3 (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  tenant_id     TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  sender        TEXT NOT NULL,
  recipient     TEXT NOT NULL,
  subject       TEXT NOT NULL,
  status        TEXT NOT NULL CHECK (status IN ('queued', 'sent', 'bounced', 'complained', 'failed')),
  created_at    TEXT NOT NULL,
  sent_at       TEXT,
  -- the job data (JSON of an OutboundEmail); NULL for rows of older versions
  payload       TEXT,
  failed_reason TEXT
);
INSERT INTO messages_v3 (id, tenant_id, sender, recipient, subject, status, created_at, sent_at)
  SELECT id, tenant_id, sender, recipient, subject, status, created_at, sent_at FROM messages;
DROP TABLE messages;
ALTER TABLE messages_v3 RENAME TO messages;
CREATE INDEX messages_status_created_idx ON messages (status, created_at);
CREATE INDEX messages_tenant_created_idx ON messages (tenant_id, created_at);
CREATE INDEX messages_tenant_status_idx ON messages (tenant_id, status, id);

-- Tenants whose outbound queue is paused (the SQLite queue; BullMQ keeps its own state).
CREATE TABLE queue_pauses (
  tenant_id TEXT PRIMARY KEY REFERENCES tenants(id) ON DELETE CASCADE,
  paused_at TEXT NOT NULL
);

-- Cumulative job counters per tenant queue (they only grow; pruning does not touch them).
CREATE TABLE queue_totals (
  tenant_id TEXT PRIMARY KEY REFERENCES tenants(id) ON DELETE CASCADE,
  enqueued  INTEGER NOT NULL DEFAULT 0,
  completed INTEGER NOT NULL DEFAULT 0,
  failed    INTEGER NOT NULL DEFAULT 0
);
`,
  },
];

/** The schema version a fully migrated database has. */
export const SCHEMA_VERSION =
  SCHEMA_MIGRATIONS[SCHEMA_MIGRATIONS.length - 1].version;

/**
 * Creates any missing tables and indexes and applies pending migrations.
 * Runs in an immediate transaction so role processes sharing a file do not
 * migrate it twice.
 */
export function applySchema(db: SqliteDatabase): void {
  immediateTransaction(db, () => {
    db.exec(SCHEMA_SQL);
    const current = db.pragma('user_version', { simple: true }) as number;
    for (const migration of SCHEMA_MIGRATIONS) {
      if (migration.version > current) {
        db.exec(migration.sql);
      }
    }
    if (current < SCHEMA_VERSION) {
      db.pragma(`user_version = ${SCHEMA_VERSION}`);
    }
  });
}
