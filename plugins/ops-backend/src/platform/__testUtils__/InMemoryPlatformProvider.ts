import {
  DeliverabilityPoint,
  PlatformAdminProvider,
  PlatformLogin,
  PlatformTenant,
  PlatformUser,
} from '@opsconsole/backstage-plugin-ops-node';

export interface InMemoryPlatformData {
  tenants?: PlatformTenant[];
  users?: PlatformUser[];
  logins?: PlatformLogin[];
  /** Deliverability points per tenant id. */
  deliverability?: Record<string, DeliverabilityPoint[]>;
}

/**
 * A {@link PlatformAdminProvider} over fixed data, for tests. `failWith` makes every call
 * throw (a platform that is down); `calls` records what was asked.
 */
export class InMemoryPlatformProvider implements PlatformAdminProvider {
  failWith?: Error;
  readonly calls: Array<{ method: string; args: unknown[] }> = [];

  constructor(
    readonly id: string,
    private readonly data: InMemoryPlatformData = {},
  ) {}

  private async answer<T>(method: string, args: unknown[], value: () => T) {
    this.calls.push({ method, args });
    if (this.failWith) throw this.failWith;
    return value();
  }

  listTenants() {
    return this.answer('listTenants', [], () => this.data.tenants ?? []);
  }

  getTenant(tenantId: string) {
    return this.answer('getTenant', [tenantId], () =>
      this.data.tenants?.find(t => t.id === tenantId),
    );
  }

  listTenantUsers(tenantId: string) {
    return this.answer('listTenantUsers', [tenantId], () =>
      (this.data.users ?? []).filter(u => u.tenantId === tenantId),
    );
  }

  searchUsers(query: string, options?: { limit?: number }) {
    return this.answer('searchUsers', [query, options], () => {
      const q = query.toLocaleLowerCase('en-US');
      return (this.data.users ?? [])
        .filter(u =>
          [u.id, u.email, u.name].some(f =>
            f.toLocaleLowerCase('en-US').includes(q),
          ),
        )
        .slice(0, options?.limit ?? 50);
    });
  }

  getUser(userId: string) {
    return this.answer('getUser', [userId], () =>
      this.data.users?.find(u => u.id === userId),
    );
  }

  getUserLogins(userId: string, options?: { since?: string; limit?: number }) {
    return this.answer('getUserLogins', [userId, options], () =>
      (this.data.logins ?? [])
        .filter(l => l.userId === userId)
        .filter(l => !options?.since || l.at >= options.since)
        .sort((a, b) => b.at.localeCompare(a.at))
        .slice(0, options?.limit ?? 1000),
    );
  }

  getDeliverability(options: {
    tenantId?: string;
    from: string;
    to: string;
    intervalSeconds: number;
  }) {
    return this.answer('getDeliverability', [options], () => {
      const series = options.tenantId
        ? this.data.deliverability?.[options.tenantId] ?? []
        : Object.values(this.data.deliverability ?? {}).flat();
      return series.filter(
        p => p.start >= options.from && p.start < options.to,
      );
    });
  }
}
