import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import Skeleton from '@material-ui/lab/Skeleton';
import {
  EmptyState,
  InfoCard,
  Link,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  TenantFlagState,
  opsTenantFlagsOverridePermission,
  tenantEntityRef,
} from '@opsconsole/backstage-plugin-ops-common';
import { useTenantFlags } from '../useFlags';
import { useOptionalRouteRef } from '../../shared/useOptionalRouteRef';
import { flagRouteRef } from '../../../routes';
import { WHY_LABELS, describeResolution } from '../flagFormat';
import { FlagOverrideDialog } from '../FlagOverrideDialog';
import { FlagValue } from '../FlagState';
import { ChangeSnackbar } from '../../shared/ChangeSnackbar';
import { LastEvaluation } from './LastEvaluation';

type Editing = { mode: 'set' | 'remove'; state: TenantFlagState };

function FeatureRow(props: {
  state: TenantFlagState;
  canOverride: boolean;
  onEdit: (editing: Editing) => void;
}) {
  const { state, canOverride, onEdit } = props;
  const { flag, resolution, override } = state;
  const flagLink = useOptionalRouteRef(flagRouteRef);
  return (
    <TableRow data-testid={`feature-${flag.key}`}>
      <TableCell>
        {flagLink ? (
          <Link to={flagLink({ key: flag.key })}>{flag.name}</Link>
        ) : (
          flag.name
        )}
        <Typography variant="caption" display="block" color="textSecondary">
          <code>{flag.key}</code>
        </Typography>
      </TableCell>
      <TableCell>
        {resolution.why === 'error' ? (
          <Chip size="small" label="error" />
        ) : (
          <FlagValue value={resolution.value} variant={resolution.variant} />
        )}
      </TableCell>
      <TableCell>
        <Chip
          size="small"
          variant="outlined"
          label={WHY_LABELS[resolution.why] ?? resolution.why}
          data-why={resolution.why}
        />
        <Typography variant="body2">
          {describeResolution(flag, resolution, override)}
        </Typography>
      </TableCell>
      <TableCell>
        <LastEvaluation state={state} />
      </TableCell>
      <TableCell align="right">
        {canOverride && (
          <Box
            display="flex"
            flexDirection="column"
            alignItems="flex-end"
            style={{ gap: 4 }}
          >
            <Button
              size="small"
              variant="outlined"
              color="primary"
              aria-label={`Set for this tenant: ${flag.name}`}
              onClick={() => onEdit({ mode: 'set', state })}
            >
              Set for this tenant
            </Button>
            {override && (
              <Button
                size="small"
                aria-label={`Remove override: ${flag.name}`}
                onClick={() => onEdit({ mode: 'remove', state })}
              >
                Remove override
              </Button>
            )}
          </Box>
        )}
      </TableCell>
    </TableRow>
  );
}

/**
 * The Features section of a tenant: every flag's effective value for the
 * tenant and why (override, kill switch, rollout bucket, default), the last
 * evaluation the console served to it, and — with `ops.tenant.flags.override`
 * on the tenant — "Set for this tenant" / "Remove override".
 */
export function TenantFeatures(props: { tenantId: string }) {
  const { tenantId } = props;
  const flags = useTenantFlags(tenantId);
  const [notice, setNotice] = useState<string>();
  const { allowed: canOverride } = usePermission({
    permission: opsTenantFlagsOverridePermission,
    resourceRef: tenantEntityRef(tenantId),
  });
  const [editing, setEditing] = useState<Editing>();

  if (!flags.value) {
    if (flags.error) {
      return <ResponseErrorPanel error={flags.error} />;
    }
    return (
      <div data-testid="tenant-features-skeleton" aria-busy="true">
        <Skeleton variant="rect" height={240} />
      </div>
    );
  }

  const states = flags.value.flags;
  return (
    <InfoCard
      title="Features"
      subheader="What this tenant gets for every flag, and why. Refreshed every 15 s."
    >
      {flags.error && (
        <ResponseErrorPanel
          error={flags.error}
          title="Could not refresh the features; showing the last known answers"
        />
      )}
      {states.length === 0 ? (
        <EmptyState missing="data" title="No feature flags yet" />
      ) : (
        <Table size="small" aria-label="Features">
          <TableHead>
            <TableRow>
              <TableCell>Feature</TableCell>
              <TableCell>Value</TableCell>
              <TableCell>Why</TableCell>
              <TableCell>Last evaluation</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {states.map(state => (
              <FeatureRow
                key={state.flag.key}
                state={state}
                canOverride={canOverride}
                onEdit={setEditing}
              />
            ))}
          </TableBody>
        </Table>
      )}
      {editing && (
        <FlagOverrideDialog
          flag={editing.state.flag}
          mode={editing.mode}
          tenantId={tenantId}
          override={editing.state.override}
          onClose={() => setEditing(undefined)}
          onDone={() => {
            setEditing(undefined);
            setNotice(
              editing.mode === 'set'
                ? `“${editing.state.flag.name}” set for ${tenantId}`
                : `Override of “${editing.state.flag.name}” for ${tenantId} removed`,
            );
            flags.refresh();
          }}
        />
      )}
      <ChangeSnackbar message={notice} onClose={() => setNotice(undefined)} />
    </InfoCard>
  );
}
