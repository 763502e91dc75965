import { NotFoundError, ServiceUnavailableError } from '@backstage/errors';
import { SourceTracker } from './PlatformSources';

/**
 * The error for something no platform source has: 404 when every source answered,
 * 503 naming the failed sources when one of them might have had it.
 */
export function notFoundOrUnavailable(
  message: string,
  tracker: SourceTracker,
): Error {
  if (!tracker.hasFailures) return new NotFoundError(message);
  return new ServiceUnavailableError(
    `${message} that answered; failed sources: ${tracker.describeFailures()}`,
  );
}

/** {@link notFoundOrUnavailable} for a tenant id that no platform source knows. */
export function tenantNotFoundOrUnavailable(
  tenantId: string,
  tracker: SourceTracker,
): Error {
  return notFoundOrUnavailable(
    `No tenant with id ${JSON.stringify(tenantId)} in any platform source`,
    tracker,
  );
}
