import {
  Flag,
  FlagDetail,
  FlagList,
  FlagPreview,
  TenantFlags,
} from '@opsconsole/backstage-plugin-ops-common';

const minutesAgo = (minutes: number) =>
  new Date(Date.now() - minutes * 60_000).toISOString();

export function makeFlag(overrides: Partial<Flag> = {}): Flag {
  return {
    key: 'ai-composer',
    name: 'Beta: AI Composer',
    description: 'Drafts campaign emails from a prompt in the editor.',
    type: 'boolean',
    variants: { on: true, off: false },
    defaultVariant: 'off',
    rolloutPercentage: 50,
    rolloutVariant: 'on',
    bucketBy: 'tenantId',
    killSwitch: false,
    archived: false,
    createdAt: minutesAgo(60 * 24 * 7),
    updatedAt: minutesAgo(90),
    ...overrides,
  };
}

export const aiComposer = makeFlag();

export const editorTheme = makeFlag({
  key: 'editor-theme',
  name: 'Editor theme',
  description: 'Which template editor tenants get.',
  type: 'string',
  variants: { classic: 'classic', blocks: 'blocks' },
  defaultVariant: 'classic',
  rolloutPercentage: 10,
  rolloutVariant: 'blocks',
});

export const bounceRetryLimit = makeFlag({
  key: 'bounce-retry-limit',
  name: 'Soft-bounce retry limit',
  description: 'How often a soft-bounced message is retried.',
  type: 'number',
  variants: { low: 2, standard: 5, high: 10 },
  defaultVariant: 'standard',
  rolloutPercentage: 0,
  rolloutVariant: null,
  killSwitch: true,
});

export const flagList: FlagList = {
  flags: [
    { flag: aiComposer, overrideCount: 2 },
    { flag: editorTheme, overrideCount: 0 },
    { flag: bounceRetryLimit, overrideCount: 1 },
  ],
};

export const aiComposerDetail: FlagDetail = {
  flag: aiComposer,
  overrides: [
    {
      flagKey: 'ai-composer',
      tenantId: 'globex',
      variant: 'on',
      reason: 'Design partner of the beta',
      actor: 'user:default/jane',
      updatedAt: minutesAgo(120),
    },
  ],
  history: [
    {
      id: '2',
      flagKey: 'ai-composer',
      action: 'flag-update',
      actor: 'user:default/jane',
      reason: 'Widen the beta',
      before: { ...aiComposer, rolloutPercentage: 20 },
      after: { ...aiComposer },
      time: minutesAgo(90),
    },
    {
      id: '1',
      flagKey: 'ai-composer',
      tenantId: 'globex',
      action: 'flag-override-set',
      actor: 'user:default/jane',
      reason: 'Design partner of the beta',
      before: null,
      after: { variant: 'on' },
      time: minutesAgo(120),
    },
  ],
};

/** acme is inside the 50 % rollout (bucket 12.5) and last evaluated "on" at 10:32 today. */
export const acmeFlags: TenantFlags = {
  tenantId: 'acme',
  flags: [
    {
      flag: aiComposer,
      resolution: {
        value: true,
        variant: 'on',
        reason: 'SPLIT',
        why: 'rollout',
        bucket: 12.5,
      },
      lastEvaluation: {
        flagKey: 'ai-composer',
        tenantId: 'acme',
        value: true,
        variant: 'on',
        reason: 'SPLIT',
        time: todayAt(10, 32),
      },
    },
    {
      flag: bounceRetryLimit,
      resolution: {
        value: 5,
        variant: 'standard',
        reason: 'DISABLED',
        why: 'kill-switch',
      },
    },
  ],
};

export function todayAt(hour: number, minute: number): string {
  const time = new Date();
  time.setHours(hour, minute, 0, 0);
  return time.toISOString();
}

export const overridePreview: FlagPreview = {
  flagKey: 'ai-composer',
  tenantsCompared: 12,
  tenantsChanged: 1,
  changes: [
    {
      tenantId: 'acme',
      before: { value: true, variant: 'on', reason: 'SPLIT', why: 'rollout' },
      after: {
        value: false,
        variant: 'off',
        reason: 'TARGETING_MATCH',
        why: 'override',
      },
    },
  ],
  sources: [{ id: 'catalog', status: 'ok' }],
};
