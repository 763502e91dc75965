import { InputError } from '@backstage/errors';
import {
  TenantUsers,
  UserDetail,
  UserMembership,
  UserSearchResult,
  UserSummary,
  tenantEntityRef,
} from '@opsconsole/backstage-plugin-ops-common';
import {
  PlatformAdminProvider,
  PlatformUser,
} from '@opsconsole/backstage-plugin-ops-node';
import {
  notFoundOrUnavailable,
  tenantNotFoundOrUnavailable,
} from '../platform/notFoundOrUnavailable';
import { PlatformSources, SourceTracker } from '../platform/PlatformSources';
import {
  buildLoginPattern,
  DEFAULT_LOGIN_PATTERN_OPTIONS,
  LoginPatternOptions,
} from './loginPattern';
import { PiiMasker, piiMasker } from '../pii/masking';

export const MIN_QUERY_LENGTH = 2;

export interface UsersServiceOptions {
  sources: PlatformSources;
  /** Days of login history in a user's detail (and its pattern). */
  loginHistoryDays?: number;
  /** Most logins read per user (the Platform Admin API allows up to 1000). */
  loginLimit?: number;
  patternOptions?: LoginPatternOptions;
  now?: () => number;
}

const lower = (s: string) => s.toLocaleLowerCase('en-US');

function toSummary(
  user: PlatformUser,
  source: string,
  mask: PiiMasker,
): UserSummary {
  return {
    id: user.id,
    name: user.name,
    email: mask.email(user.email),
    tenant: { id: user.tenantId, entityRef: tenantEntityRef(user.tenantId) },
    role: user.role,
    status: user.status,
    lastLoginAt: user.lastLoginAt,
    source,
  };
}

/**
 * Global user search and user detail over every platform source. Personal data (emails,
 * IPs) is masked unless `reveal` is set; deciding and auditing that is the caller's job.
 */
export class UsersService {
  private readonly sources: PlatformSources;
  private readonly loginHistoryDays: number;
  private readonly loginLimit: number;
  private readonly patternOptions: LoginPatternOptions;
  private readonly now: () => number;

  constructor(options: UsersServiceOptions) {
    this.sources = options.sources;
    this.loginHistoryDays = options.loginHistoryDays ?? 30;
    this.loginLimit = options.loginLimit ?? 1000;
    this.patternOptions =
      options.patternOptions ?? DEFAULT_LOGIN_PATTERN_OPTIONS;
    this.now = options.now ?? Date.now;
  }

  /** Users of every tenant whose email, name or id contains `query`. */
  async search(params: {
    query: string;
    limit: number;
    reveal: boolean;
  }): Promise<UserSearchResult> {
    const query = params.query.trim();
    if (query.length < MIN_QUERY_LENGTH) {
      throw new InputError(
        `Search query q must be at least ${MIN_QUERY_LENGTH} characters, got ${JSON.stringify(
          query,
        )}`,
      );
    }
    const tracker = new SourceTracker();
    const answers = await this.sources.all(tracker, p =>
      p.searchUsers(query, { limit: params.limit }),
    );
    const q = lower(query);
    const exact = (u: PlatformUser) =>
      lower(u.id) === q || lower(u.email) === q ? 0 : 1;
    const found = answers
      .flatMap(a => a.value.map(user => ({ user, source: a.provider.id })))
      .sort(
        (a, b) =>
          exact(a.user) - exact(b.user) ||
          a.user.name.localeCompare(b.user.name) ||
          a.user.id.localeCompare(b.user.id),
      )
      .slice(0, params.limit);
    const mask = piiMasker(params.reveal);
    return {
      query,
      users: found.map(f => toSummary(f.user, f.source, mask)),
      revealed: params.reveal,
      sources: tracker.list(),
    };
  }

  /** The users of one tenant, from every source that knows it. */
  async listTenantUsers(params: {
    tenantId: string;
    reveal: boolean;
  }): Promise<TenantUsers> {
    const tracker = new SourceTracker();
    const owners = await this.sources.tenantOwners(params.tenantId, tracker);
    if (owners.length === 0) {
      throw tenantNotFoundOrUnavailable(params.tenantId, tracker);
    }
    const answers = await this.sources.some(
      owners.map(o => o.provider),
      tracker,
      p => p.listTenantUsers(params.tenantId),
    );
    const mask = piiMasker(params.reveal);
    return {
      tenant: {
        id: params.tenantId,
        entityRef: tenantEntityRef(params.tenantId),
      },
      users: answers
        .flatMap(a => a.value.map(u => toSummary(u, a.provider.id, mask)))
        .sort((a, b) => a.name.localeCompare(b.name)),
      revealed: params.reveal,
      sources: tracker.list(),
    };
  }

  /**
   * A user's memberships (the user and same-email accounts in other tenants), logins of the
   * last `loginHistoryDays` days (newest first) and login pattern.
   */
  async getUser(params: {
    userId: string;
    reveal: boolean;
  }): Promise<UserDetail> {
    const tracker = new SourceTracker();
    const found = (
      await this.sources.all(tracker, p => p.getUser(params.userId))
    ).find(a => a.value !== undefined);
    if (!found?.value) {
      throw notFoundOrUnavailable(
        `No user with id ${JSON.stringify(
          params.userId,
        )} in any platform source`,
        tracker,
      );
    }
    const user = found.value;
    const now = this.now();
    const mask = piiMasker(params.reveal);
    const [logins, memberships] = await Promise.all([
      this.readLogins(found.provider, user.id, now, tracker),
      this.readMemberships(user, found.provider.id, tracker),
    ]);
    return {
      user: toSummary(user, found.provider.id, mask),
      memberships,
      logins: logins.map(l => ({
        at: l.at,
        success: l.success,
        ip: mask.ip(l.ip),
        country: l.country,
        userAgent: l.userAgent,
      })),
      pattern: buildLoginPattern(logins, {
        now,
        days: this.loginHistoryDays,
        displayIp: mask.ip,
        options: this.patternOptions,
      }),
      revealed: params.reveal,
      sources: tracker.list(),
    };
  }

  private async readLogins(
    provider: PlatformAdminProvider,
    userId: string,
    now: number,
    tracker: SourceTracker,
  ) {
    const dayStart = Math.floor(now / 86_400_000) * 86_400_000;
    const since = new Date(
      dayStart - (this.loginHistoryDays - 1) * 86_400_000,
    ).toISOString();
    const [answer] = await this.sources.some([provider], tracker, p =>
      p.getUserLogins(userId, { since, limit: this.loginLimit }),
    );
    return [...(answer?.value ?? [])].sort(
      (a, b) => Date.parse(b.at) - Date.parse(a.at),
    );
  }

  private async readMemberships(
    user: PlatformUser,
    source: string,
    tracker: SourceTracker,
  ): Promise<UserMembership[]> {
    const email = lower(user.email);
    const answers = await this.sources.all(tracker, p =>
      p.searchUsers(user.email, { limit: 100 }),
    );
    const accounts = [
      { user, source },
      ...answers.flatMap(a =>
        a.value
          .filter(u => lower(u.email) === email)
          .map(u => ({ user: u, source: a.provider.id })),
      ),
    ];
    const seen = new Set<string>();
    return accounts
      .filter(a => {
        const key = `${a.source}\u0000${a.user.id}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      .map(a => ({
        userId: a.user.id,
        tenant: {
          id: a.user.tenantId,
          entityRef: tenantEntityRef(a.user.tenantId),
        },
        role: a.user.role,
        status: a.user.status,
        lastLoginAt: a.user.lastLoginAt,
        source: a.source,
      }))
      .sort((a, b) => a.tenant.id.localeCompare(b.tenant.id));
  }
}
