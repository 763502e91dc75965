import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import AddIcon from '@material-ui/icons/Add';
import TuneIcon from '@material-ui/icons/Tune';
import Skeleton from '@material-ui/lab/Skeleton';
import { useParams } from 'react-router-dom';
import { InfoCard, Link, ResponseErrorPanel } from '@backstage/core-components';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  FlagDetail,
  FlagOverride,
  opsFlagsManagePermission,
} from '@opsconsole/backstage-plugin-ops-common';
import { useFlagDetail } from '../useFlags';
import { useOptionalRouteRef } from '../../shared/useOptionalRouteRef';
import { flagsRouteRef } from '../../../routes';
import { describeGlobalState, formatFlagValue } from '../flagFormat';
import { FactList } from '../../shared/FactList';
import { FlagGlobalState } from '../FlagState';
import { FlagGlobalStateDialog } from '../FlagGlobalStateDialog';
import { FlagOverrideDialog } from '../FlagOverrideDialog';
import { RelativeTime } from '../../shared/RelativeTime';
import { ChangeSnackbar } from '../../shared/ChangeSnackbar';
import { FlagHistory } from './FlagHistory';
import { FlagOverridesTable } from './FlagOverridesTable';

type Editing =
  | { kind: 'global' }
  | { kind: 'add' }
  | { kind: 'set'; override: FlagOverride }
  | { kind: 'remove'; override: FlagOverride };

function FlagFacts(props: { detail: FlagDetail }) {
  const { flag } = props.detail;
  return (
    <FactList>
      <dt>Key</dt>
      <dd>
        <code>{flag.key}</code>
      </dd>
      <dt>Description</dt>
      <dd>{flag.description || '–'}</dd>
      <dt>Type</dt>
      <dd>{flag.type}</dd>
      <dt>Variants</dt>
      <dd>
        {Object.entries(flag.variants)
          .map(([name, value]) => `${name} = ${formatFlagValue(value)}`)
          .join(' · ')}
      </dd>
      <dt>Global state</dt>
      <dd>
        <FlagGlobalState flag={flag} />
        <div>{describeGlobalState(flag)}</div>
      </dd>
      <dt>Bucketing by</dt>
      <dd>
        <code>{flag.bucketBy}</code>
      </dd>
      <dt>Updated</dt>
      <dd>
        <RelativeTime value={flag.updatedAt} />
      </dd>
    </FactList>
  );
}

/**
 * One flag (`/ops/flags/:key`): its global state (changeable with
 * `ops.flags.manage`), its tenant overrides with an override editor, and its
 * change history.
 */
export function FlagDetailPage() {
  const { key = '' } = useParams();
  const detail = useFlagDetail(key);
  const [notice, setNotice] = useState<string>();
  const flagsLink = useOptionalRouteRef(flagsRouteRef);
  const manage = usePermission({ permission: opsFlagsManagePermission });
  const [editing, setEditing] = useState<Editing>();

  if (!detail.value) {
    if (detail.error) {
      return <ResponseErrorPanel error={detail.error} />;
    }
    return (
      <div data-testid="flag-skeleton" aria-busy="true">
        <Skeleton variant="rect" height={200} style={{ marginBottom: 24 }} />
        <Skeleton variant="rect" height={200} />
      </div>
    );
  }

  const { flag, overrides, history } = detail.value;
  const done = (message: string) => {
    setEditing(undefined);
    setNotice(message);
    detail.refresh();
  };

  return (
    <Grid container spacing={3}>
      {flagsLink && (
        <Grid item xs={12}>
          <Link to={flagsLink()}>← All flags</Link>
        </Grid>
      )}
      <Grid item xs={12}>
        {detail.error && (
          <ResponseErrorPanel
            error={detail.error}
            title="Could not refresh the flag; showing the last known state"
          />
        )}
        <InfoCard
          title={flag.name}
          action={
            manage.allowed ? (
              <Box pt={1} pr={1}>
                <Button
                  variant="outlined"
                  color="primary"
                  startIcon={<TuneIcon />}
                  onClick={() => setEditing({ kind: 'global' })}
                >
                  Change global state
                </Button>
              </Box>
            ) : undefined
          }
        >
          <FlagFacts detail={detail.value} />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard
          title={`Tenant overrides (${overrides.length})`}
          subheader="An override wins over the kill switch and the rollout"
          action={
            <Box pt={1} pr={1}>
              <Button
                variant="outlined"
                color="primary"
                startIcon={<AddIcon />}
                onClick={() => setEditing({ kind: 'add' })}
              >
                Add override
              </Button>
            </Box>
          }
        >
          <FlagOverridesTable
            flag={flag}
            overrides={overrides}
            onEdit={override => setEditing({ kind: 'set', override })}
            onRemove={override => setEditing({ kind: 'remove', override })}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard title="Change history" subheader="Newest first">
          <FlagHistory history={history} />
        </InfoCard>
      </Grid>
      {editing?.kind === 'global' && (
        <FlagGlobalStateDialog
          flag={flag}
          onClose={() => setEditing(undefined)}
          onDone={() => done(`Changed “${flag.name}” for every tenant`)}
        />
      )}
      {editing?.kind === 'add' && (
        <FlagOverrideDialog
          flag={flag}
          mode="set"
          excludeTenants={overrides.map(override => override.tenantId)}
          onClose={() => setEditing(undefined)}
          onDone={() => done(`Override of “${flag.name}” set`)}
        />
      )}
      {(editing?.kind === 'set' || editing?.kind === 'remove') && (
        <FlagOverrideDialog
          flag={flag}
          mode={editing.kind}
          tenantId={editing.override.tenantId}
          override={editing.override}
          onClose={() => setEditing(undefined)}
          onDone={() =>
            done(
              editing.kind === 'set'
                ? `Override of “${flag.name}” for ${editing.override.tenantId} changed`
                : `Override of “${flag.name}” for ${editing.override.tenantId} removed`,
            )
          }
        />
      )}
      <ChangeSnackbar message={notice} onClose={() => setNotice(undefined)} />
    </Grid>
  );
}
