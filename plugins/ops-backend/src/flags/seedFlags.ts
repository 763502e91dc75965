import { ConflictError } from '@backstage/errors';
import { CreateFlagRequest } from '@opsconsole/backstage-plugin-ops-common';
import { FlagsService } from './FlagsService';
import { FlagsStore } from './FlagsStore';

/** Flags of the dev seed (`ops.flags.seed: true`). */
export const SEED_FLAGS: CreateFlagRequest[] = [
  {
    key: 'ai-composer',
    name: 'Beta: AI Composer',
    description: 'Drafts campaign emails from a prompt in the editor.',
    type: 'boolean',
    variants: { on: true, off: false },
    defaultVariant: 'off',
    rolloutPercentage: 50,
    rolloutVariant: 'on',
  },
  {
    key: 'send-time-optimization',
    name: 'Send-time optimisation',
    description:
      'Delivers each message at the hour its recipient usually opens mail.',
    type: 'boolean',
    variants: { on: true, off: false },
    defaultVariant: 'off',
    rolloutPercentage: 20,
    rolloutVariant: 'on',
  },
  {
    key: 'editor-theme',
    name: 'Editor theme',
    description: 'Which template editor tenants get.',
    type: 'string',
    variants: { classic: 'classic', blocks: 'blocks' },
    defaultVariant: 'classic',
    rolloutPercentage: 10,
    rolloutVariant: 'blocks',
  },
  {
    key: 'bounce-retry-limit',
    name: 'Soft-bounce retry limit',
    description: 'How often a soft-bounced message is retried.',
    type: 'number',
    variants: { low: 2, standard: 5, high: 10 },
    defaultVariant: 'standard',
  },
  {
    key: 'dkim-signing',
    name: 'DKIM signing policy',
    description: 'Key size and rotation of DKIM keys.',
    type: 'object',
    variants: {
      legacy: { keyBits: 1024, rotateDays: 365 },
      strong: { keyBits: 2048, rotateDays: 90 },
    },
    defaultVariant: 'legacy',
    rolloutPercentage: 25,
    rolloutVariant: 'strong',
  },
];

/** Creates the seed flags when there are no flags at all; returns how many it created. */
export async function seedFlagsIfEmpty(
  store: FlagsStore,
  flags: FlagsService,
): Promise<number> {
  if ((await store.countFlags()) > 0) return 0;
  let created = 0;
  for (const flag of SEED_FLAGS) {
    try {
      await flags.createFlag(
        { ...flag, reason: 'dev seed (ops.flags.seed)' },
        'ops:seed',
      );
      created += 1;
    } catch (error) {
      // another replica seeded it meanwhile
      if ((error as Error)?.name !== ConflictError.name) throw error;
    }
  }
  return created;
}
