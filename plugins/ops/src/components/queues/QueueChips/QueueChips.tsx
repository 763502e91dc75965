import Chip from '@material-ui/core/Chip';
import {
  OpsAlertSeverity,
  QueueSpikeAlert,
} from '@opsconsole/backstage-plugin-ops-common';
import {
  PAUSED_COLORS,
  SEVERITY_COLORS,
  SEVERITY_LABELS,
} from '../queueFormat';

/** "High" in the severity's colour. */
export function SeverityChip(props: { severity: OpsAlertSeverity }) {
  const { severity } = props;
  const colors = SEVERITY_COLORS[severity];
  return (
    <Chip
      size="small"
      label={SEVERITY_LABELS[severity] ?? severity}
      data-severity={severity}
      style={{ backgroundColor: colors.background, color: colors.color }}
    />
  );
}

/** "Spike · High": a queue whose tenant has an open spike alert. */
export function SpikeChip(props: { spike: QueueSpikeAlert }) {
  const { spike } = props;
  const colors = SEVERITY_COLORS[spike.severity];
  return (
    <Chip
      size="small"
      label={`Spike · ${SEVERITY_LABELS[spike.severity] ?? spike.severity}`}
      title={spike.message}
      data-severity={spike.severity}
      style={{ backgroundColor: colors.background, color: colors.color }}
    />
  );
}

/** "Paused". */
export function PausedChip() {
  return (
    <Chip
      size="small"
      label="Paused"
      style={{
        backgroundColor: PAUSED_COLORS.background,
        color: PAUSED_COLORS.color,
      }}
    />
  );
}
