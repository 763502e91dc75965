import { AuditEvent } from '@opsconsole/backstage-plugin-ops-common';

export type NewAuditEvent = Omit<AuditEvent, 'id' | 'time'> & { time?: string };

/** Persistence of the audit trail. */
export interface AuditStore {
  append(event: NewAuditEvent): Promise<AuditEvent>;
  list(options: { targetRef?: string; limit: number }): Promise<AuditEvent[]>;
}
