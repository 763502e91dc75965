import { TenantNotice } from '@opsconsole/backstage-plugin-ops-common';

/** A notice as stored: delivered over SMTP or captured, with who sent it and why. */
export interface StoredNotice extends TenantNotice {
  id: string;
  delivery: 'smtp' | 'captured';
  sentAt: string;
  reason: string;
  actor: string;
}

/** Notices sent (or captured) for tenants. */
export interface NoticeStore {
  insert(notice: Omit<StoredNotice, 'id'>): Promise<StoredNotice>;
  /** The tenant's notices, newest first. */
  list(tenantId: string, limit: number): Promise<StoredNotice[]>;
}
