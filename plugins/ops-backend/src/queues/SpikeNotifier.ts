import { LoggerService } from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { NotificationSeverity } from '@backstage/plugin-notifications-common';
import {
  OpsAlertSeverity,
  QueueSpikeAlert,
} from '@opsconsole/backstage-plugin-ops-common';

const severities: Record<OpsAlertSeverity, NotificationSeverity> = {
  critical: 'critical',
  high: 'high',
  medium: 'normal',
  low: 'low',
};

/** Where the queues page of a tenant is in the portal. */
export const tenantQueuesLink = (tenantId: string) =>
  `/ops/queues?tenantId=${encodeURIComponent(tenantId)}`;

/**
 * Tells people about a new spike: a Backstage notification to the tenant's owner (from the
 * catalog) and the configured groups (`ops.queues.notify.groups`). A failure to notify is
 * logged; it never undoes the alert.
 */
export class SpikeNotifier {
  constructor(
    private readonly notifications: Pick<NotificationService, 'send'>,
    private readonly groups: string[],
    private readonly logger: LoggerService,
  ) {}

  async spikeOpened(alert: QueueSpikeAlert, ownerRef: string | undefined) {
    const recipients = [
      ...new Set([...(ownerRef ? [ownerRef] : []), ...this.groups]),
    ];
    if (recipients.length === 0) return;
    try {
      await this.notifications.send({
        recipients: { type: 'entity', entityRef: recipients },
        payload: {
          title: `Queue spike: tenant ${alert.tenantId}`,
          description: alert.message,
          link: tenantQueuesLink(alert.tenantId),
          severity: severities[alert.severity],
          topic: 'ops-queue-spike',
          scope: `ops-queue-spike:${alert.id}`,
        },
      });
    } catch (error) {
      this.logger.warn(
        `Could not notify ${recipients.join(
          ', ',
        )} of the queue spike of tenant ${alert.tenantId}: ${error}`,
      );
    }
  }
}
