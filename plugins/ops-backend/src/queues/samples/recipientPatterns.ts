import { createHash } from 'node:crypto';
import { RecipientPatterns } from '@opsconsole/backstage-plugin-ops-common';
import { findAddresses, NormalizedAddress } from '../../pii/emailAddresses';

/** Keys whose values (at any depth of a job payload) name the job's recipients. */
const RECIPIENT_KEY =
  /^(to|cc|bcc|recipient|recipients|rcpt|rcpt_?to|envelope_?to)$/i;
const MAX_DEPTH = 24;
const MAX_NODES = 5_000;

/** sha256 of the normalized address: what the seen-recipients store keeps (never the address). */
export const recipientHash = (address: string) =>
  createHash('sha256').update(address.toLocaleLowerCase('en-US')).digest('hex');

/**
 * The recipients of one job: every address under a `to` / `cc` / `bcc` / `recipient(s)` /
 * `rcptTo` / `envelopeTo` key at any depth (strings such as `"A" <a@x>, b@y`, arrays,
 * `{ name, address }` objects), normalized and without duplicates.
 */
export function jobRecipients(data: unknown): NormalizedAddress[] {
  const found = new Map<string, NormalizedAddress>();
  const ancestors = new Set<object>();
  let nodes = 0;
  const visit = (value: unknown, inRecipients: boolean, depth: number) => {
    if (typeof value === 'string') {
      if (inRecipients) {
        for (const a of findAddresses(value)) found.set(a.address, a);
      }
      return;
    }
    if (value === null || typeof value !== 'object') return;
    if (ancestors.has(value) || depth >= MAX_DEPTH || ++nodes > MAX_NODES) {
      return;
    }
    ancestors.add(value);
    try {
      const entries = Array.isArray(value)
        ? value.map(v => [undefined, v] as const)
        : Object.entries(value);
      for (const [key, child] of entries) {
        visit(
          child,
          inRecipients || (key !== undefined && RECIPIENT_KEY.test(key)),
          depth + 1,
        );
      }
    } catch {
      // a payload with throwing getters: what was read so far counts
    } finally {
      ancestors.delete(value);
    }
  };
  visit(data, false, 0);
  return [...found.values()];
}

/**
 * Who a window of jobs was addressed to: unique recipients, the top domains (by unique
 * recipients) with their share, and the share of recipients that `isNew` says this tenant
 * never had before.
 */
export function summarizeRecipients(
  jobs: NormalizedAddress[][],
  isNew: (hash: string) => boolean,
  topDomainCount = 10,
): RecipientPatterns {
  const unique = new Map<string, NormalizedAddress>();
  for (const a of jobs.flat()) unique.set(a.address, a);
  const domains = new Map<string, number>();
  let fresh = 0;
  for (const a of unique.values()) {
    domains.set(a.domain, (domains.get(a.domain) ?? 0) + 1);
    if (isNew(recipientHash(a.address))) fresh += 1;
  }
  const total = unique.size;
  const share = (n: number) => (total === 0 ? 0 : n / total);
  return {
    sampledJobs: jobs.length,
    uniqueRecipients: total,
    newRecipientShare: share(fresh),
    topDomains: [...domains]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, topDomainCount)
      .map(([domain, count]) => ({ domain, count, share: share(count) })),
  };
}
