import {
  UserDetail,
  UserSearchResult,
  UserSummary,
} from '@opsconsole/backstage-plugin-ops-common';

const hoursAgo = (hours: number) =>
  new Date(Date.now() - hours * 3_600_000).toISOString();

export function makeUser(
  overrides: Partial<UserSummary> = {},
  revealed = false,
): UserSummary {
  return {
    id: 'u-1',
    name: 'Jane Roe',
    email: revealed ? 'jane.roe@acme.example' : 'j***@acme.example',
    tenant: { id: 'acme', entityRef: 'tenant:default/acme' },
    role: 'admin',
    status: 'active',
    lastLoginAt: hoursAgo(2),
    source: 'example-platform',
    ...overrides,
  };
}

export const acmeUsers = [
  makeUser(),
  makeUser({
    id: 'u-2',
    name: 'John Doe',
    email: 'j***@acme.example',
    role: 'editor',
    status: 'invited',
    lastLoginAt: undefined,
  }),
];

export function searchResult(revealed: boolean): UserSearchResult {
  return {
    query: 'jane',
    users: [
      makeUser({}, revealed),
      makeUser(
        {
          id: 'u-9',
          email: revealed ? 'jane@globex.example' : 'j***@globex.example',
          tenant: { id: 'globex', entityRef: 'tenant:default/globex' },
          role: 'viewer',
        },
        revealed,
      ),
    ],
    revealed,
    sources: [{ id: 'example-platform', status: 'ok' }],
  };
}

export function userDetail(revealed: boolean): UserDetail {
  const user = makeUser({}, revealed);
  return {
    user,
    memberships: [
      {
        userId: 'u-1',
        tenant: user.tenant,
        role: 'admin',
        status: 'active',
        lastLoginAt: user.lastLoginAt,
        source: 'example-platform',
      },
      {
        userId: 'u-9',
        tenant: { id: 'globex', entityRef: 'tenant:default/globex' },
        role: 'viewer',
        status: 'active',
        source: 'example-platform',
      },
    ],
    logins: [
      {
        at: hoursAgo(2),
        success: false,
        ip: revealed ? '198.51.100.7' : '198.51.*.*',
        country: 'KP',
        userAgent: 'curl/8.0',
      },
      {
        at: hoursAgo(26),
        success: true,
        ip: revealed ? '203.0.113.5' : '203.0.*.*',
        country: 'DE',
        userAgent: 'Firefox',
      },
    ],
    pattern: {
      from: hoursAgo(24 * 3),
      to: hoursAgo(0),
      days: [
        { start: '2026-11-23T00:00:00Z', succeeded: 3, failed: 0 },
        { start: '2026-11-24T00:00:00Z', succeeded: 2, failed: 1 },
        { start: '2026-11-25T00:00:00Z', succeeded: 0, failed: 6 },
      ],
      unusual: [
        {
          kind: 'country',
          value: 'KP',
          count: 6,
          firstAt: hoursAgo(3),
          lastAt: hoursAgo(2),
          reason: 'No earlier login from this country in 30 days',
        },
      ],
    },
    revealed,
    sources: [{ id: 'example-platform', status: 'ok' }],
  };
}
