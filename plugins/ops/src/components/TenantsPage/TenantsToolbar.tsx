import InputAdornment from '@material-ui/core/InputAdornment';
import TextField from '@material-ui/core/TextField';
import { makeStyles } from '@material-ui/core/styles';
import SearchIcon from '@material-ui/icons/Search';
import { humanizeRef } from '../../utils/entityRefs';
import {
  TENANT_STATUSES,
  TENANT_STATUS_LABELS,
  TENANT_TIERS,
  TENANT_TIER_LABELS,
} from '../../utils/tenants';
import { TenantFilters } from './filters';

const useStyles = makeStyles(theme => ({
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(2),
    marginBottom: theme.spacing(2),
  },
  select: {
    minWidth: 160,
  },
}));

/** Search and the tier, status and owner filters of the tenants list. */
export function TenantsToolbar(props: {
  filters: TenantFilters;
  owners: string[];
  onChange: (filters: TenantFilters) => void;
}) {
  const { filters, owners, onChange } = props;
  const classes = useStyles();
  const select = {
    select: true,
    variant: 'outlined' as const,
    size: 'small' as const,
    className: classes.select,
    SelectProps: { native: true },
    InputLabelProps: { shrink: true },
  };
  return (
    <div className={classes.row}>
      <TextField
        id="ops-tenants-search"
        label="Search"
        placeholder="Name, id, contact or region"
        variant="outlined"
        size="small"
        value={filters.search}
        onChange={event => onChange({ ...filters, search: event.target.value })}
        InputProps={{
          startAdornment: (
            <InputAdornment position="start">
              <SearchIcon fontSize="small" />
            </InputAdornment>
          ),
        }}
      />
      <TextField
        {...select}
        id="ops-tenants-tier"
        label="Tier"
        value={filters.tier}
        onChange={event =>
          onChange({
            ...filters,
            tier: event.target.value as TenantFilters['tier'],
          })
        }
      >
        <option value="">All tiers</option>
        {TENANT_TIERS.map(tier => (
          <option key={tier} value={tier}>
            {TENANT_TIER_LABELS[tier]}
          </option>
        ))}
      </TextField>
      <TextField
        {...select}
        id="ops-tenants-status"
        label="Status"
        value={filters.status}
        onChange={event =>
          onChange({
            ...filters,
            status: event.target.value as TenantFilters['status'],
          })
        }
      >
        <option value="">All statuses</option>
        {TENANT_STATUSES.map(status => (
          <option key={status} value={status}>
            {TENANT_STATUS_LABELS[status]}
          </option>
        ))}
      </TextField>
      <TextField
        {...select}
        id="ops-tenants-owner"
        label="Owner"
        value={filters.owner}
        onChange={event => onChange({ ...filters, owner: event.target.value })}
      >
        <option value="">All owners</option>
        {owners.map(owner => (
          <option key={owner} value={owner}>
            {humanizeRef(owner, 'group')}
          </option>
        ))}
      </TextField>
    </div>
  );
}
