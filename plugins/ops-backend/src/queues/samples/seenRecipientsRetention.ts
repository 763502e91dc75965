import { deleteInBatches } from '../../database/deleteInBatches';
import { SeenRecipientsStore } from './SeenRecipientsStore';

/** Rows deleted per statement by {@link enforceSeenRecipientsRetention}. */
export const SEEN_RECIPIENTS_DELETE_BATCH = 5000;

/**
 * Forgets the recipient hashes of every tenant last seen more than `retentionMs` before
 * `now`, in batches of `batchSize` (short statements, no long lock); answers how many.
 */
export async function enforceSeenRecipientsRetention(
  store: Pick<SeenRecipientsStore, 'deleteLastSeenBefore'>,
  retentionMs: number,
  now = Date.now(),
  batchSize = SEEN_RECIPIENTS_DELETE_BATCH,
): Promise<number> {
  const before = now - retentionMs;
  return deleteInBatches(
    size => store.deleteLastSeenBefore(before, size),
    batchSize,
  );
}
