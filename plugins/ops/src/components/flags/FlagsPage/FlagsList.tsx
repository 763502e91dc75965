import { useState } from 'react';
import Box from '@material-ui/core/Box';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Switch from '@material-ui/core/Switch';
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
import { FlagSummary } from '@opsconsole/backstage-plugin-ops-common';
import { useFlagList } from '../useFlags';
import { useOptionalRouteRef } from '../../shared/useOptionalRouteRef';
import { flagRouteRef } from '../../../routes';
import { FlagGlobalState } from '../FlagState';
import { RelativeTime } from '../../shared/RelativeTime';
import { SearchField } from '../../shared/SearchField';

function matches(summary: FlagSummary, search: string): boolean {
  const needle = search.trim().toLocaleLowerCase('en-US');
  if (!needle) {
    return true;
  }
  const { flag } = summary;
  return [flag.key, flag.name, flag.description]
    .join('\n')
    .toLocaleLowerCase('en-US')
    .includes(needle);
}

function FlagsTable(props: { flags: FlagSummary[] }) {
  const flagLink = useOptionalRouteRef(flagRouteRef);
  return (
    <Table size="small" aria-label="Flags">
      <TableHead>
        <TableRow>
          <TableCell>Flag</TableCell>
          <TableCell>Type</TableCell>
          <TableCell>Global state</TableCell>
          <TableCell align="right">Overrides</TableCell>
          <TableCell>Updated</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.flags.map(({ flag, overrideCount }) => (
          <TableRow key={flag.key} data-testid={`flag-row-${flag.key}`}>
            <TableCell>
              {flagLink ? (
                <Link to={flagLink({ key: flag.key })}>{flag.name}</Link>
              ) : (
                flag.name
              )}
              <Typography
                variant="caption"
                display="block"
                color="textSecondary"
              >
                <code>{flag.key}</code>
              </Typography>
            </TableCell>
            <TableCell>{flag.type}</TableCell>
            <TableCell>
              <FlagGlobalState flag={flag} />
            </TableCell>
            <TableCell align="right" aria-label="Overrides">
              {overrideCount}
            </TableCell>
            <TableCell>
              <RelativeTime value={flag.updatedAt} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/**
 * Every feature flag: name and key, type, global state (kill switch, rollout
 * percentage and variant, default) and the number of tenant overrides.
 */
export function FlagsList() {
  const [includeArchived, setIncludeArchived] = useState(false);
  const [search, setSearch] = useState('');
  const flags = useFlagList({ includeArchived });

  if (!flags.value) {
    if (flags.error) {
      return <ResponseErrorPanel error={flags.error} />;
    }
    return (
      <div data-testid="flags-skeleton" aria-busy="true">
        <Skeleton variant="rect" height={48} style={{ marginBottom: 16 }} />
        <Skeleton variant="rect" height={240} />
      </div>
    );
  }

  const all = flags.value.flags;
  const visible = all.filter(summary => matches(summary, search));

  return (
    <InfoCard
      title="Feature flags"
      subheader="Served to the platform over OFREP"
    >
      {flags.error && (
        <ResponseErrorPanel
          error={flags.error}
          title="Could not refresh the flags; showing the last known ones"
        />
      )}
      <Box
        display="flex"
        alignItems="center"
        flexWrap="wrap"
        mb={2}
        style={{ gap: 16 }}
      >
        <SearchField
          id="ops-flags-search"
          placeholder="Name, key or description"
          value={search}
          onChange={setSearch}
        />
        <FormControlLabel
          control={
            <Switch
              color="primary"
              checked={includeArchived}
              onChange={event => setIncludeArchived(event.target.checked)}
            />
          }
          label="Show archived"
        />
      </Box>
      {all.length === 0 && (
        <EmptyState
          missing="data"
          title="No feature flags yet"
          description="Flags are created through the ops API (POST /api/ops/flags) by users with ops.flags.manage; the dev backend seeds a few with ops.flags.seed: true."
        />
      )}
      {all.length > 0 && visible.length === 0 && (
        <Typography color="textSecondary">
          No flag matches “{search.trim()}”.
        </Typography>
      )}
      {visible.length > 0 && <FlagsTable flags={visible} />}
    </InfoCard>
  );
}
