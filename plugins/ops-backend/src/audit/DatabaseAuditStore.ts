import { AuditEvent } from '@opsconsole/backstage-plugin-ops-common';
import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { toMillis } from '../database/migrations';
import { AuditStore, NewAuditEvent } from './AuditStore';

/** Knex implementation of {@link AuditStore}, for SQLite and Postgres. */
export class DatabaseAuditStore implements AuditStore {
  private constructor(private readonly db: Knex) {}

  static create(db: Knex): DatabaseAuditStore {
    return new DatabaseAuditStore(db);
  }

  async append(event: NewAuditEvent): Promise<AuditEvent> {
    const stored: AuditEvent = {
      ...event,
      id: randomUUID(),
      time: event.time ?? new Date().toISOString(),
    };
    await this.db('ops_audit_events').insert({
      id: stored.id,
      ts: Date.parse(stored.time),
      actor: stored.actor,
      action: stored.action,
      target_ref: stored.targetRef ?? null,
      outcome: stored.outcome,
      details_json: stored.details ? JSON.stringify(stored.details) : null,
    });
    return stored;
  }

  async list(options: {
    targetRef?: string;
    limit: number;
  }): Promise<AuditEvent[]> {
    const query = this.db('ops_audit_events')
      .orderBy([
        { column: 'ts', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(options.limit);
    if (options.targetRef) query.where('target_ref', options.targetRef);
    const rows: Array<Record<string, any>> = await query.select();
    return rows.map(r => ({
      id: r.id,
      time: new Date(toMillis(r.ts)!).toISOString(),
      actor: r.actor,
      action: r.action,
      targetRef: r.target_ref ?? undefined,
      outcome: r.outcome,
      details: r.details_json ? JSON.parse(r.details_json) : undefined,
    }));
  }
}
