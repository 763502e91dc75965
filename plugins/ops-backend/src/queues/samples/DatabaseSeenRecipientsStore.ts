import { Knex } from 'knex';
import { SeenRecipient, SeenRecipientsStore } from './SeenRecipientsStore';

const TABLE = 'ops_queue_seen_recipients';
// 4 bound values per row: under SQLite's 999 variables per statement
const INSERT_CHUNK = 200;
const SELECT_CHUNK = 500;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    out.push(items.slice(i, i + size));
  }
  return out;
}

/** Knex implementation of {@link SeenRecipientsStore}, for SQLite and Postgres. */
export class DatabaseSeenRecipientsStore implements SeenRecipientsStore {
  private constructor(private readonly db: Knex) {}

  static create(db: Knex): DatabaseSeenRecipientsStore {
    return new DatabaseSeenRecipientsStore(db);
  }

  async record(tenantId: string, recipients: SeenRecipient[]): Promise<void> {
    const byHash = new Map<string, { first: number; last: number }>();
    for (const r of recipients) {
      const known = byHash.get(r.hash);
      byHash.set(r.hash, {
        first: Math.min(known?.first ?? r.seenAt, r.seenAt),
        last: Math.max(known?.last ?? r.seenAt, r.seenAt),
      });
    }
    const rows = [...byHash].map(([hash, t]) => ({
      tenant_id: tenantId,
      recipient_hash: hash,
      first_seen_at: t.first,
      last_seen_at: t.last,
    }));
    for (const chunk of chunks(rows, INSERT_CHUNK)) {
      await this.db(TABLE)
        .insert(chunk)
        .onConflict(['tenant_id', 'recipient_hash'])
        .merge({
          first_seen_at: this.db.raw(
            `CASE WHEN excluded.first_seen_at < ${TABLE}.first_seen_at THEN excluded.first_seen_at ELSE ${TABLE}.first_seen_at END`,
          ),
          last_seen_at: this.db.raw(
            `CASE WHEN excluded.last_seen_at > ${TABLE}.last_seen_at THEN excluded.last_seen_at ELSE ${TABLE}.last_seen_at END`,
          ),
        });
    }
  }

  async seenBefore(
    tenantId: string,
    hashes: string[],
    before: number,
  ): Promise<Set<string>> {
    const seen = new Set<string>();
    for (const chunk of chunks([...new Set(hashes)], SELECT_CHUNK)) {
      const rows: Array<{ recipient_hash: string }> = await this.db(TABLE)
        .where('tenant_id', tenantId)
        .whereIn('recipient_hash', chunk)
        .where('first_seen_at', '<', before)
        .select('recipient_hash');
      rows.forEach(r => seen.add(r.recipient_hash));
    }
    return seen;
  }

  async deleteLastSeenBefore(before: number, batchSize: number) {
    // the oldest rows first, through the last_seen_at index; the key is (tenant, hash)
    const batch = this.db(TABLE)
      .where('last_seen_at', '<', before)
      .orderBy('last_seen_at')
      .limit(batchSize)
      .select('tenant_id', 'recipient_hash');
    return this.db(TABLE)
      .whereIn(['tenant_id', 'recipient_hash'], batch)
      .delete();
  }
}
