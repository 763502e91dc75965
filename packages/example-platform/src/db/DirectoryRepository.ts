import { AdminApiLogin, AdminApiTenant, AdminApiUser } from '../adminApi/types';
import { SqliteDatabase } from './sqlite';
import { TenantStatus, TenantTier, UserStatus } from './types';

interface TenantRow {
  id: string;
  name: string;
  tier: TenantTier;
  region: string;
  status: TenantStatus;
  admin_email: string;
  admin_name: string | null;
  created_at: string;
}

interface UserRow {
  id: string;
  tenant_id: string;
  email: string;
  name: string;
  role: string;
  status: UserStatus;
  last_login_at: string | null;
}

interface LoginRow {
  user_id: string;
  at: string;
  success: number;
  ip: string;
  user_agent: string | null;
  country: string | null;
}

const TENANT_SELECT = `
  SELECT t.*, (SELECT u.name FROM users u
               WHERE u.tenant_id = t.id AND u.email = t.admin_email) AS admin_name
  FROM tenants t`;

function toTenant(r: TenantRow): AdminApiTenant {
  return {
    id: r.id,
    name: r.name,
    tier: r.tier,
    region: r.region,
    status: r.status,
    adminEmail: r.admin_email,
    ...(r.admin_name ? { adminName: r.admin_name } : {}),
    createdAt: r.created_at,
  };
}

function toUser(r: UserRow): AdminApiUser {
  return {
    id: r.id,
    tenantId: r.tenant_id,
    email: r.email,
    name: r.name,
    role: r.role,
    status: r.status,
    ...(r.last_login_at ? { lastLoginAt: r.last_login_at } : {}),
  };
}

function toLogin(r: LoginRow): AdminApiLogin {
  return {
    userId: r.user_id,
    at: r.at,
    success: r.success === 1,
    ip: r.ip,
    ...(r.user_agent ? { userAgent: r.user_agent } : {}),
    ...(r.country ? { country: r.country } : {}),
  };
}

/** Escapes `%`, `_` and `\` for a `LIKE … ESCAPE '\'` pattern. */
function likeContains(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, c => `\\${c}`)}%`;
}

/**
 * Reads of tenants, users and logins in the shape of the Platform Admin API.
 */
export class DirectoryRepository {
  readonly #db: SqliteDatabase;

  constructor(db: SqliteDatabase) {
    this.#db = db;
  }

  listTenants(): AdminApiTenant[] {
    const rows = this.#db
      .prepare(`${TENANT_SELECT} ORDER BY t.id`)
      .all() as TenantRow[];
    return rows.map(toTenant);
  }

  getTenant(tenantId: string): AdminApiTenant | undefined {
    const row = this.#db
      .prepare(`${TENANT_SELECT} WHERE t.id = ?`)
      .get(tenantId) as TenantRow | undefined;
    return row && toTenant(row);
  }

  /** Every user of the tenant, whatever their status, by name. */
  listTenantUsers(tenantId: string): AdminApiUser[] {
    const rows = this.#db
      .prepare('SELECT * FROM users WHERE tenant_id = ? ORDER BY name, id')
      .all(tenantId) as UserRow[];
    return rows.map(toUser);
  }

  /** Users whose email, name or id contains `query`, case-insensitive, by name. */
  searchUsers(query: string, limit: number): AdminApiUser[] {
    const pattern = likeContains(query);
    const rows = this.#db
      .prepare(
        `SELECT * FROM users
         WHERE lower(email) LIKE ? ESCAPE '\\'
            OR lower(name) LIKE ? ESCAPE '\\'
            OR lower(id) LIKE ? ESCAPE '\\'
         ORDER BY name, id LIMIT ?`,
      )
      .all(pattern, pattern, pattern, limit) as UserRow[];
    return rows.map(toUser);
  }

  getUser(userId: string): AdminApiUser | undefined {
    const row = this.#db
      .prepare('SELECT * FROM users WHERE id = ?')
      .get(userId) as UserRow | undefined;
    return row && toUser(row);
  }

  /** Login attempts of a user, newest first. */
  listLogins(
    userId: string,
    options: { since?: Date; limit: number },
  ): AdminApiLogin[] {
    const since = (options.since ?? new Date(0)).toISOString();
    const rows = this.#db
      .prepare(
        `SELECT user_id, at, success, ip, user_agent, country FROM logins
         WHERE user_id = ? AND at >= ?
         ORDER BY at DESC, id DESC LIMIT ?`,
      )
      .all(userId, since, options.limit) as LoginRow[];
    return rows.map(toLogin);
  }
}
