import {
  AuditorService,
  AuditorServiceEventSeverityLevel,
  BackstageCredentials,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import { JsonObject } from '@backstage/types';
import { Request } from 'express';
import { AuditStore } from './AuditStore';

export interface AuditedAction<T> {
  /** kebab-case event id without plugin prefix, e.g. `health-probe` */
  action: string;
  /** The request of a user's action; absent for scheduled work. */
  request?: Request<any, any, any, any, any>;
  /** The acting user, or `{ system }` naming the scheduled work that acted (e.g. an auto-resume). */
  credentials:
    | BackstageCredentials<BackstageUserPrincipal>
    | { system: string };
  targetRef?: string;
  severityLevel?: AuditorServiceEventSeverityLevel;
  details?: Record<string, unknown>;
  run: () => Promise<T>;
  /** Adds result facts (e.g. before/after) to the stored details. */
  describeResult?: (result: T) => Record<string, unknown>;
}

/**
 * The audit pattern every mutation of the ops plugin uses: a `coreServices.auditor` event
 * plus a row in the plugin's own audit table, both with the outcome.
 */
export class AuditService {
  constructor(
    private readonly auditor: AuditorService,
    private readonly store: AuditStore,
  ) {}

  async audited<T>(a: AuditedAction<T>): Promise<T> {
    const actor =
      'system' in a.credentials
        ? a.credentials.system
        : a.credentials.principal.userEntityRef;
    const event = await this.auditor.createEvent({
      eventId: a.action,
      severityLevel: a.severityLevel ?? 'medium',
      request: a.request,
      meta: { targetRef: a.targetRef, ...a.details },
    });
    try {
      const result = await a.run();
      const details = { ...a.details, ...a.describeResult?.(result) };
      await this.store.append({
        actor,
        action: a.action,
        targetRef: a.targetRef,
        outcome: 'success',
        details,
      });
      await event.success({
        meta: JSON.parse(JSON.stringify(details)) as JsonObject,
      });
      return result;
    } catch (error) {
      await this.store.append({
        actor,
        action: a.action,
        targetRef: a.targetRef,
        outcome: 'failure',
        details: {
          ...a.details,
          error: error instanceof Error ? error.message : String(error),
        },
      });
      await event.fail({ error: error as Error });
      throw error;
    }
  }

  list(options: { targetRef?: string; limit: number }) {
    return this.store.list(options);
  }
}
