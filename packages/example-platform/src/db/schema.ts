import { SqliteDatabase } from './sqlite';

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

/** Creates any missing tables and indexes. */
export function applySchema(db: SqliteDatabase): void {
  db.exec(SCHEMA_SQL);
}
