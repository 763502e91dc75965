import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { getTenantPlatformId } from '@opsconsole/backstage-plugin-ops-common';
import { useTenantEntities } from '../../shared/useTenantEntities';
import { errorMessage } from '../../shared/format';

interface TenantOption {
  id: string;
  title: string;
}

/** Picks a tenant among the catalog's Tenant entities; yields its platform id. */
export function TenantPicker(props: {
  value?: string;
  onChange: (tenantId: string | undefined) => void;
  exclude?: string[];
}) {
  const { value, onChange, exclude = [] } = props;
  const tenants = useTenantEntities();
  const all: TenantOption[] = (tenants.value ?? [])
    .map(entity => ({
      id: getTenantPlatformId(entity),
      title: entity.metadata.title ?? entity.metadata.name,
    }))
    .sort((a, b) => a.title.localeCompare(b.title, 'en-US'));
  const options = all.filter(option => !exclude.includes(option.id));
  const selected = all.find(option => option.id === value) ?? null;

  return (
    <Autocomplete
      id="ops-tenant-picker"
      options={options}
      loading={tenants.loading}
      value={selected}
      onChange={(_event, option: TenantOption | null) => onChange(option?.id)}
      getOptionLabel={option =>
        option.title === option.id
          ? option.id
          : `${option.title} (${option.id})`
      }
      getOptionSelected={(option, current) => option.id === current.id}
      renderInput={params => (
        <TextField
          {...params}
          label="Tenant"
          required
          margin="normal"
          variant="outlined"
          error={Boolean(tenants.error)}
          helperText={
            tenants.error
              ? `Could not load tenants from the catalog: ${errorMessage(
                  tenants.error,
                )}`
              : undefined
          }
        />
      )}
    />
  );
}
