import FormControlLabel from '@material-ui/core/FormControlLabel';
import IconButton from '@material-ui/core/IconButton';
import InputAdornment from '@material-ui/core/InputAdornment';
import Switch from '@material-ui/core/Switch';
import TextField from '@material-ui/core/TextField';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import RefreshIcon from '@material-ui/icons/Refresh';
import SearchIcon from '@material-ui/icons/Search';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import { HealthStatus } from '@opsconsole/backstage-plugin-ops-common';
import { DateTime } from 'luxon';
import { HEALTH_STATUS_LABELS, HEALTH_STATUS_ORDER } from '../../utils/format';
import { humanizeRef } from '../../utils/entityRefs';
import { HEALTH_STATUS_COLORS } from '../../utils/statusColors';
import { FleetFilters } from './filters';

const useStyles = makeStyles(theme => ({
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(2),
    marginBottom: theme.spacing(2),
  },
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
  select: {
    minWidth: 180,
  },
  updated: {
    color: theme.palette.text.secondary,
  },
}));

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
      <div className={classes.row}>
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
      </div>
      <div className={classes.row}>
        <TextField
          id="ops-fleet-search"
          label="Search"
          placeholder="Name or title"
          variant="outlined"
          size="small"
          value={filters.search}
          onChange={event =>
            onFiltersChange({ ...filters, search: event.target.value })
          }
          InputProps={{
            startAdornment: (
              <InputAdornment position="start">
                <SearchIcon fontSize="small" />
              </InputAdornment>
            ),
          }}
        />
        <TextField
          select
          id="ops-fleet-owner"
          label="Owner"
          variant="outlined"
          size="small"
          className={classes.select}
          value={filters.owner}
          onChange={event =>
            onFiltersChange({ ...filters, owner: event.target.value })
          }
          SelectProps={{ native: true }}
          InputLabelProps={{ shrink: true }}
        >
          <option value="">All owners</option>
          {owners.map(owner => (
            <option key={owner} value={owner}>
              {humanizeRef(owner, 'group')}
            </option>
          ))}
        </TextField>
        <TextField
          select
          id="ops-fleet-system"
          label="System"
          variant="outlined"
          size="small"
          className={classes.select}
          value={filters.system}
          onChange={event =>
            onFiltersChange({ ...filters, system: event.target.value })
          }
          SelectProps={{ native: true }}
          InputLabelProps={{ shrink: true }}
        >
          <option value="">All systems</option>
          {systems.map(system => (
            <option key={system} value={system}>
              {humanizeRef(system, 'system')}
            </option>
          ))}
        </TextField>
      </div>
    </>
  );
}
