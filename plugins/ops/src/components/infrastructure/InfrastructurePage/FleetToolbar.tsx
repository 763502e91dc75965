import FormControlLabel from '@material-ui/core/FormControlLabel';
import IconButton from '@material-ui/core/IconButton';
import Switch from '@material-ui/core/Switch';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import RefreshIcon from '@material-ui/icons/Refresh';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import { HealthStatus } from '@opsconsole/backstage-plugin-ops-common';
import { DateTime } from 'luxon';
import { humanizeRef } from '../../shared/entityRefs';
import { HEALTH_STATUS_COLORS } from '../../shared/statusColors';
import { FilterSelect } from '../../shared/FilterSelect';
import { SearchField } from '../../shared/SearchField';
import { ToolbarRow } from '../../shared/ToolbarRow';
import { FleetFilters } from './fleetFilters';
import { HEALTH_STATUS_LABELS, HEALTH_STATUS_ORDER } from '../healthFormat';

const useStyles = makeStyles(theme => ({
  spacer: {
    flexGrow: 1,
  },
  dot: {
    display: 'inline-block',
    width: 10,
    height: 10,
    borderRadius: '50%',
    marginRight: theme.spacing(1),
  },
  count: {
    fontWeight: 700,
    marginLeft: theme.spacing(1),
  },
  toggle: {
    textTransform: 'none',
  },
  updated: {
    color: theme.palette.text.secondary,
  },
}));

const SELECT_MIN_WIDTH = 180;

export interface FleetToolbarProps {
  counts: Record<HealthStatus, number>;
  owners: string[];
  systems: string[];
  filters: FleetFilters;
  onFiltersChange: (filters: FleetFilters) => void;
  autoRefresh: boolean;
  onAutoRefreshChange: (autoRefresh: boolean) => void;
  onRefresh: () => void;
  loading: boolean;
  loadedAt?: number;
}

/** Status counts (which double as the status filter), filters and refresh controls. */
export function FleetToolbar(props: FleetToolbarProps) {
  const {
    counts,
    owners,
    systems,
    filters,
    onFiltersChange,
    autoRefresh,
    onAutoRefreshChange,
    onRefresh,
    loading,
    loadedAt,
  } = props;
  const classes = useStyles();

  return (
    <>
      <ToolbarRow>
        <ToggleButtonGroup
          size="small"
          value={filters.statuses}
          aria-label="Filter by status"
          onChange={(_event, statuses: HealthStatus[]) =>
            onFiltersChange({ ...filters, statuses })
          }
        >
          {HEALTH_STATUS_ORDER.map(status => (
            <ToggleButton
              key={status}
              value={status}
              className={classes.toggle}
              aria-label={`${HEALTH_STATUS_LABELS[status]}: ${counts[status]}`}
            >
              <span
                className={classes.dot}
                style={{
                  backgroundColor: HEALTH_STATUS_COLORS[status].background,
                }}
              />
              {HEALTH_STATUS_LABELS[status]}
              <span className={classes.count}>{counts[status]}</span>
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
        <div className={classes.spacer} />
        <Typography variant="body2" className={classes.updated}>
          {loadedAt
            ? `Updated at ${DateTime.fromMillis(loadedAt).toFormat('HH:mm:ss')}`
            : ''}
        </Typography>
        <FormControlLabel
          control={
            <Switch
              color="primary"
              checked={autoRefresh}
              onChange={event => onAutoRefreshChange(event.target.checked)}
            />
          }
          label="Auto refresh (15 s)"
        />
        <Tooltip title="Refresh now">
          <span>
            <IconButton
              aria-label="Refresh now"
              onClick={onRefresh}
              disabled={loading}
            >
              <RefreshIcon />
            </IconButton>
          </span>
        </Tooltip>
      </ToolbarRow>
      <ToolbarRow>
        <SearchField
          id="ops-fleet-search"
          placeholder="Name or title"
          value={filters.search}
          onChange={search => onFiltersChange({ ...filters, search })}
        />
        <FilterSelect
          id="ops-fleet-owner"
          label="Owner"
          value={filters.owner}
          options={owners}
          labelOf={owner => humanizeRef(owner, 'group')}
          allLabel="All owners"
          onChange={owner => onFiltersChange({ ...filters, owner })}
          minWidth={SELECT_MIN_WIDTH}
        />
        <FilterSelect
          id="ops-fleet-system"
          label="System"
          value={filters.system}
          options={systems}
          labelOf={system => humanizeRef(system, 'system')}
          allLabel="All systems"
          onChange={system => onFiltersChange({ ...filters, system })}
          minWidth={SELECT_MIN_WIDTH}
        />
      </ToolbarRow>
    </>
  );
}
