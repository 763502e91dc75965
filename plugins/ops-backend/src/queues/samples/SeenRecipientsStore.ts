/** One recipient of a tenant, by hash, and when a job addressed to it was enqueued. */
export interface SeenRecipient {
  hash: string;
  /** Epoch ms: the enqueue time of the (earliest) job that had the recipient. */
  seenAt: number;
}

/**
 * Per tenant, the hashes of the recipients its queued jobs were addressed to (never the
 * addresses), with the earliest enqueue time each was seen at.
 */
export interface SeenRecipientsStore {
  /** Records recipients; keeps the earliest first-seen and the latest last-seen time. */
  record(tenantId: string, recipients: SeenRecipient[]): Promise<void>;
  /** The hashes, among `hashes`, first seen for the tenant strictly before `before` (ms). */
  seenBefore(
    tenantId: string,
    hashes: string[],
    before: number,
  ): Promise<Set<string>>;
  /**
   * Forgets up to `batchSize` recipients last seen strictly before `before` (ms), of any
   * tenant; answers how many. Such a recipient counts as new again if it comes back.
   */
  deleteLastSeenBefore(before: number, batchSize: number): Promise<number>;
}
