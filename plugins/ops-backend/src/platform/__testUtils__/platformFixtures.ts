import {
  PlatformLogin,
  PlatformTenant,
  PlatformUser,
} from '@opsconsole/backstage-plugin-ops-node';
import officeWorker from '../../users/__fixtures__/logins-office-worker-with-takeover.json';

export const tenant = (
  id: string,
  extra: Partial<PlatformTenant> = {},
): PlatformTenant => ({
  id,
  name: `${id[0].toUpperCase()}${id.slice(1)} Inc`,
  tier: 'pro',
  region: 'eu-west-1',
  status: 'active',
  adminEmail: `admin@${id}.example`,
  adminName: 'Ada Admin',
  createdAt: '2026-01-01T00:00:00.000Z',
  ...extra,
});

export const user = (
  id: string,
  tenantId: string,
  extra: Partial<PlatformUser> = {},
): PlatformUser => ({
  id,
  tenantId,
  email: `${id}@${tenantId}.example`,
  name: id,
  role: 'member',
  status: 'active',
  ...extra,
});

/** The recorded 30-day login series of an office worker whose account was taken over. */
export const annaLogins: PlatformLogin[] = officeWorker;

/** "Now" of the recorded series. */
export const SERIES_NOW = Date.parse('2026-11-25T18:00:00.000Z');
