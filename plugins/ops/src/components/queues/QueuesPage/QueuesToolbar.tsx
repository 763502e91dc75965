import Typography from '@material-ui/core/Typography';
import { FilterSelect } from '../../shared/FilterSelect';
import { RelativeTime } from '../../shared/RelativeTime';
import { SearchField } from '../../shared/SearchField';
import { ToolbarRow } from '../../shared/ToolbarRow';
import { QUEUE_STATES, QUEUE_STATE_LABELS, QueueFilters } from './queueFilters';

/** Tenant ID search and the source and state filters of the queue overview. */
export function QueuesToolbar(props: {
  filters: QueueFilters;
  sources: string[];
  sampledAt: string;
  onChange: (filters: QueueFilters) => void;
}) {
  const { filters, sources, sampledAt, onChange } = props;
  return (
    <ToolbarRow>
      <SearchField
        id="ops-queues-tenant"
        label="Tenant ID"
        placeholder="e.g. acme"
        value={filters.tenant}
        onChange={tenant => onChange({ ...filters, tenant })}
      />
      <FilterSelect
        id="ops-queues-source"
        label="Source"
        value={filters.source}
        options={sources}
        labelOf={source => source}
        allLabel="All sources"
        onChange={source => onChange({ ...filters, source })}
      />
      <FilterSelect
        id="ops-queues-state"
        label="State"
        value={filters.state}
        options={QUEUE_STATES}
        labelOf={state => QUEUE_STATE_LABELS[state]}
        allLabel="All states"
        onChange={state => onChange({ ...filters, state })}
      />
      <Typography variant="body2" color="textSecondary">
        Sampled <RelativeTime value={sampledAt} />
      </Typography>
    </ToolbarRow>
  );
}
