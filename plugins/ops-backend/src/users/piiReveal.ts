import { BasicPermission } from '@backstage/plugin-permission-common';
import { opsUsersPiiReadPermission } from '@opsconsole/backstage-plugin-ops-common';
import { Request } from 'express';
import { AuditService } from '../audit/AuditService';
import { authorize } from '../auth/authorize';
import { RouteAuth } from '../routerTypes';

export interface PiiRead<T> {
  /** The permission needed to read at all (masked). */
  permission: BasicPermission;
  /** The caller asked for unmasked personal data (`reveal=true`). */
  reveal: boolean;
  /** What is revealed, for the audit trail (e.g. the search query, the user id). */
  details: Record<string, unknown>;
  /** The tenant entity ref when the revealed data belongs to one tenant. */
  targetRef?: string;
  read: (reveal: boolean) => Promise<T>;
  describeResult?: (result: T) => Record<string, unknown>;
}

/**
 * A read that returns personal data: masked for callers with `permission`; unmasked only
 * when asked (`reveal`) by a caller who also has `ops.users.pii.read` (403 otherwise),
 * and then audited as `user-pii-reveal`.
 */
export async function readWithPii<T>(
  deps: RouteAuth & { audit: AuditService },
  request: Request<any, any, any, any, any>,
  read: PiiRead<T>,
): Promise<T> {
  const credentials = await authorize(deps, request, read.permission);
  if (!read.reveal) return read.read(false);
  await authorize(deps, request, opsUsersPiiReadPermission);
  return deps.audit.audited({
    action: 'user-pii-reveal',
    severityLevel: 'high',
    request,
    credentials,
    targetRef: read.targetRef,
    details: read.details,
    run: () => read.read(true),
    describeResult: read.describeResult,
  });
}
