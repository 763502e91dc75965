import { SqliteDatabase } from './sqlite';
import { TenantStatus, TenantTier, UserRole, UserStatus } from './types';

interface SeedTenant {
  id: string;
  name: string;
  tier: TenantTier;
  region: string;
  status: TenantStatus;
  createdAt: string;
  users: Array<{
    name: string;
    role: UserRole;
    status?: UserStatus;
  }>;
}

/** The tenants (and their users) every fresh database starts with. */
export const SEED_TENANTS: readonly SeedTenant[] = [
  {
    id: 'acme',
    name: 'Acme Corporation',
    tier: 'enterprise',
    region: 'eu-west-1',
    status: 'active',
    createdAt: '2023-02-14T09:00:00.000Z',
    users: [
      { name: 'Wile Coyote', role: 'owner' },
      { name: 'Road Runner', role: 'admin' },
      { name: 'Marvin Martian', role: 'member' },
      { name: 'Elmer Fudd', role: 'member', status: 'invited' },
    ],
  },
  {
    id: 'globex',
    name: 'Globex Corporation',
    tier: 'pro',
    region: 'us-east-1',
    status: 'active',
    createdAt: '2023-06-01T12:30:00.000Z',
    users: [
      { name: 'Hank Scorpio', role: 'owner' },
      { name: 'Frank Grimes', role: 'member' },
      { name: 'Lenny Leonard', role: 'member', status: 'disabled' },
    ],
  },
  {
    id: 'initech',
    name: 'Initech',
    tier: 'free',
    region: 'us-west-2',
    status: 'trial',
    createdAt: '2024-09-10T08:15:00.000Z',
    users: [
      { name: 'Bill Lumbergh', role: 'owner' },
      { name: 'Peter Gibbons', role: 'member' },
      { name: 'Milton Waddams', role: 'member' },
    ],
  },
  {
    id: 'umbrella',
    name: 'Umbrella Corporation',
    tier: 'enterprise',
    region: 'eu-central-1',
    status: 'active',
    createdAt: '2022-11-03T16:45:00.000Z',
    users: [
      { name: 'Albert Wesker', role: 'owner' },
      { name: 'Jill Valentine', role: 'admin' },
      { name: 'Chris Redfield', role: 'member' },
    ],
  },
  {
    id: 'hooli',
    name: 'Hooli',
    tier: 'pro',
    region: 'us-west-1',
    status: 'active',
    createdAt: '2023-10-20T10:00:00.000Z',
    users: [
      { name: 'Gavin Belson', role: 'owner' },
      { name: 'Nelson Bighetti', role: 'member' },
      { name: 'Denpok Singh', role: 'member', status: 'invited' },
    ],
  },
  {
    id: 'stark',
    name: 'Stark Industries',
    tier: 'free',
    region: 'ap-southeast-2',
    status: 'suspended',
    createdAt: '2024-03-05T14:20:00.000Z',
    users: [
      { name: 'Pepper Potts', role: 'owner' },
      { name: 'Happy Hogan', role: 'member' },
    ],
  },
];

function emailLocalPart(name: string) {
  return name.toLowerCase().replace(/[^a-z]+/g, '.');
}

/**
 * Inserts the seed tenants and users. Rows that already exist are left
 * untouched, so this is safe to run on every start.
 */
export function seedDatabase(db: SqliteDatabase): void {
  const insertTenant = db.prepare(
    `INSERT OR IGNORE INTO tenants (id, name, tier, region, status, admin_email, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertUser = db.prepare(
    `INSERT OR IGNORE INTO users (id, tenant_id, email, name, role, status, last_login_at)
     VALUES (?, ?, ?, ?, ?, ?, NULL)`,
  );
  db.transaction(() => {
    for (const tenant of SEED_TENANTS) {
      const domain = `${tenant.id}.example.com`;
      const owner =
        tenant.users.find(u => u.role === 'owner') ?? tenant.users[0];
      insertTenant.run(
        tenant.id,
        tenant.name,
        tenant.tier,
        tenant.region,
        tenant.status,
        `${emailLocalPart(owner.name)}@${domain}`,
        tenant.createdAt,
      );
      for (const user of tenant.users) {
        const local = emailLocalPart(user.name);
        insertUser.run(
          `${tenant.id}:${local}`,
          tenant.id,
          `${local}@${domain}`,
          user.name,
          user.role,
          user.status ?? 'active',
        );
      }
    }
  })();
}
