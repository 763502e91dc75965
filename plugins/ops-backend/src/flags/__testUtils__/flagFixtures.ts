import { Flag } from '@opsconsole/backstage-plugin-ops-common';

/** A boolean flag rolled out to `rolloutPercentage` % of tenants. */
export function booleanFlag(overrides: Partial<Flag> = {}): Flag {
  return {
    key: 'ai-composer',
    name: 'Beta: AI Composer',
    description: '',
    type: 'boolean',
    variants: { on: true, off: false },
    defaultVariant: 'off',
    rolloutPercentage: 50,
    rolloutVariant: 'on',
    bucketBy: 'tenantId',
    killSwitch: false,
    archived: false,
    createdAt: '2026-11-26T09:00:00.000Z',
    updatedAt: '2026-11-26T09:00:00.000Z',
    ...overrides,
  };
}
