import { useState } from 'react';
import Button from '@material-ui/core/Button';
import CircularProgress from '@material-ui/core/CircularProgress';
import Snackbar from '@material-ui/core/Snackbar';
import PlayArrowIcon from '@material-ui/icons/PlayArrow';
import Alert, { Color } from '@material-ui/lab/Alert';
import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  HealthStatus,
  ProbeResult,
  opsHealthProbePermission,
} from '@opsconsole/backstage-plugin-ops-common';
import { opsApiRef } from '../../../api';
import { errorMessage } from '../../shared/format';
import { HEALTH_STATUS_LABELS, formatLatency } from '../healthFormat';

const SEVERITY: Record<HealthStatus, Color> = {
  pass: 'success',
  warn: 'warning',
  fail: 'error',
  unknown: 'info',
  misconfigured: 'error',
};

function describeResult(result: ProbeResult): string {
  const parts = [
    `Probe result: ${HEALTH_STATUS_LABELS[result.status] ?? result.status}`,
  ];
  if (result.httpStatus !== undefined) {
    parts.push(`HTTP ${result.httpStatus}`);
  }
  if (result.latencyMs !== undefined) {
    parts.push(formatLatency(result.latencyMs));
  }
  if (result.error) {
    parts.push(result.error);
  }
  return parts.join(' · ');
}

/**
 * "Probe now": shown only to users allowed `ops.health.probe`; probes the
 * entity, reports the result in a snackbar and calls `onProbed`.
 */
export function ProbeNowButton(props: {
  entityRef: string;
  onProbed: () => void;
}) {
  const { entityRef, onProbed } = props;
  const opsApi = useApi(opsApiRef);
  const { allowed } = usePermission({ permission: opsHealthProbePermission });
  const [probing, setProbing] = useState(false);
  const [message, setMessage] = useState<{
    severity: Color;
    text: string;
  }>();

  if (!allowed) {
    return null;
  }

  const probe = async () => {
    setProbing(true);
    try {
      const result = await opsApi.probeEntity(entityRef);
      setMessage({
        severity: SEVERITY[result.status] ?? 'info',
        text: describeResult(result),
      });
      onProbed();
    } catch (error) {
      setMessage({
        severity: 'error',
        text: `Probe failed: ${errorMessage(error)}`,
      });
    } finally {
      setProbing(false);
    }
  };

  return (
    <>
      <Button
        variant="outlined"
        color="primary"
        onClick={probe}
        disabled={probing}
        startIcon={probing ? <CircularProgress size={16} /> : <PlayArrowIcon />}
      >
        Probe now
      </Button>
      <Snackbar
        open={Boolean(message)}
        autoHideDuration={8000}
        onClose={() => setMessage(undefined)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
      >
        <Alert
          severity={message?.severity}
          onClose={() => setMessage(undefined)}
        >
          {message?.text}
        </Alert>
      </Snackbar>
    </>
  );
}
