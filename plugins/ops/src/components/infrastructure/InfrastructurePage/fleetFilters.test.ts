import { TargetSummary } from '@opsconsole/backstage-plugin-ops-common';
import {
  EMPTY_FLEET_FILTERS,
  countByStatus,
  distinctValues,
  filterTargets,
  hasActiveFilters,
} from './fleetFilters';

const target = (overrides: Partial<TargetSummary>): TargetSummary => ({
  entityRef: 'component:default/x',
  title: 'X',
  kind: 'Component',
  url: 'http://x/health',
  status: 'pass',
  windows: {
    '24h': { samples: 0, uptime: null, errorRate: null },
    '7d': { samples: 0, uptime: null, errorRate: null },
    '30d': { samples: 0, uptime: null, errorRate: null },
  },
  failingChecks: [],
  uptimeBars: [],
  ...overrides,
});

const targets = [
  target({
    entityRef: 'component:default/mail-api',
    title: 'Mail API',
    owner: 'group:default/mail',
    system: 'system:default/sending',
    status: 'pass',
  }),
  target({
    entityRef: 'component:default/mta',
    title: 'MTA relay',
    owner: 'group:default/infra',
    system: 'system:default/sending',
    status: 'fail',
  }),
  target({
    entityRef: 'resource:default/db',
    title: 'Database',
    owner: 'group:default/infra',
    status: 'warn',
  }),
  target({
    entityRef: 'component:default/bounce',
    title: 'Bounce processor',
    status: 'misconfigured',
  }),
];

describe('fleet filters', () => {
  it('sorts worst first without filters', () => {
    expect(
      filterTargets(targets, EMPTY_FLEET_FILTERS).map(t => t.title),
    ).toEqual(['MTA relay', 'Bounce processor', 'Database', 'Mail API']);
  });

  it('filters by status, owner, system and search', () => {
    const titles = (f: Partial<typeof EMPTY_FLEET_FILTERS>) =>
      filterTargets(targets, { ...EMPTY_FLEET_FILTERS, ...f }).map(
        t => t.title,
      );
    expect(titles({ statuses: ['fail', 'warn'] })).toEqual([
      'MTA relay',
      'Database',
    ]);
    expect(titles({ owner: 'group:default/infra' })).toEqual([
      'MTA relay',
      'Database',
    ]);
    expect(titles({ system: 'system:default/sending' })).toEqual([
      'MTA relay',
      'Mail API',
    ]);
    expect(titles({ search: 'mail' })).toEqual(['Mail API']);
    expect(titles({ search: '  BOUNCE ' })).toEqual(['Bounce processor']);
    expect(titles({ search: 'db' })).toEqual(['Database']);
    expect(
      titles({ owner: 'group:default/infra', statuses: ['pass'] }),
    ).toEqual([]);
  });

  it('counts statuses and lists distinct owners and systems', () => {
    expect(countByStatus(targets)).toEqual({
      pass: 1,
      warn: 1,
      fail: 1,
      unknown: 0,
      misconfigured: 1,
    });
    expect(distinctValues(targets, 'owner')).toEqual([
      'group:default/infra',
      'group:default/mail',
    ]);
    expect(distinctValues(targets, 'system')).toEqual([
      'system:default/sending',
    ]);
  });

  it('knows when filters are active', () => {
    expect(hasActiveFilters(EMPTY_FLEET_FILTERS)).toBe(false);
    expect(hasActiveFilters({ ...EMPTY_FLEET_FILTERS, search: ' ' })).toBe(
      false,
    );
    expect(
      hasActiveFilters({ ...EMPTY_FLEET_FILTERS, statuses: ['fail'] }),
    ).toBe(true);
  });
});
