import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { QueueSpikeAlert } from '@opsconsole/backstage-plugin-ops-common';
import { SEVERITY_BANNERS, formatRate } from '../queueFormat';
import { RelativeTime } from '../../shared/RelativeTime';
import { SeverityChip } from '../QueueChips';

const SEVERITY_ORDER = ['critical', 'high', 'medium', 'low'];

function AlertBanner(props: {
  alert: QueueSpikeAlert;
  onSelectTenant?: (tenantId: string) => void;
}) {
  const { alert, onSelectTenant } = props;
  return (
    <Alert
      severity={SEVERITY_BANNERS[alert.severity] ?? 'warning'}
      role="alert"
      aria-label={`Spike of tenant ${alert.tenantId}`}
      data-severity={alert.severity}
      action={
        onSelectTenant && (
          <Button
            color="inherit"
            size="small"
            onClick={() => onSelectTenant(alert.tenantId)}
          >
            Investigate {alert.tenantId}
          </Button>
        )
      }
      style={{ marginBottom: 8 }}
    >
      <AlertTitle>
        <Box display="flex" alignItems="center" style={{ gap: 8 }}>
          <SeverityChip severity={alert.severity} />
          <span>
            Spike in outgoing work of tenant{' '}
            <EntityRefLink entityRef={alert.tenantEntityRef}>
              {alert.tenantId}
            </EntityRefLink>
          </span>
        </Box>
      </AlertTitle>
      {formatRate(alert.ratePerMinute)} vs baseline{' '}
      {formatRate(alert.baselinePerMinute)}
      {alert.peakRatePerMinute > alert.ratePerMinute &&
        ` (peak ${formatRate(alert.peakRatePerMinute)})`}
      , since <RelativeTime value={alert.startedAt} />.
    </Alert>
  );
}

/** @public */
export interface QueueAlertsProps {
  alerts: QueueSpikeAlert[];
  /** Offers "Investigate <tenant>", filtering the page to the tenant. */
  onSelectTenant?: (tenantId: string) => void;
}

/**
 * The open spike alerts, worst first, as banners coloured by severity:
 * "412/min vs baseline 9/min" with a link to the tenant. Renders nothing
 * without open alerts.
 */
export function QueueAlerts(props: QueueAlertsProps) {
  const { alerts, onSelectTenant } = props;
  const open = alerts
    .filter(alert => alert.status === 'open')
    .sort(
      (a, b) =>
        SEVERITY_ORDER.indexOf(a.severity) -
          SEVERITY_ORDER.indexOf(b.severity) ||
        b.ratePerMinute - a.ratePerMinute,
    );
  if (open.length === 0) {
    return null;
  }
  return (
    <Box mb={2} role="region" aria-label="Open spike alerts">
      {open.map(alert => (
        <AlertBanner
          key={alert.id}
          alert={alert}
          onSelectTenant={onSelectTenant}
        />
      ))}
    </Box>
  );
}
