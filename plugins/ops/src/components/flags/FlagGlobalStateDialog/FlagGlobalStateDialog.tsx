import { useState } from 'react';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Switch from '@material-ui/core/Switch';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useApi } from '@backstage/core-plugin-api';
import { Flag } from '@opsconsole/backstage-plugin-ops-common';
import { opsApiRef } from '../../../api';
import { orderedVariants, variantLabel } from '../flagFormat';
import { FlagChangeConfirmDialog } from '../FlagChangeConfirmDialog';
import {
  describePatch,
  formOf,
  parsePercentage,
  patchOf,
} from './globalChange';

/**
 * Changes a flag's global state (kill switch, rollout percentage and
 * variant) for every tenant without an override: a required reason, then a
 * confirmation naming how many tenants change answer. Needs `ops.flags.manage`.
 */
export function FlagGlobalStateDialog(props: {
  flag: Flag;
  onClose: () => void;
  onDone: () => void;
}) {
  const { flag, onClose, onDone } = props;
  const opsApi = useApi(opsApiRef);
  const [form, setForm] = useState(() => formOf(flag));
  const percentageValid = parsePercentage(form.rolloutPercentage) !== undefined;
  const patch = patchOf(flag, form);
  const changes = describePatch(flag, patch);

  return (
    <FlagChangeConfirmDialog
      title={`Change “${flag.name}” for every tenant`}
      changeReady={percentageValid && changes.length > 0}
      summary={
        <>{changes.join('; ')}. Tenants with an override keep their override.</>
      }
      confirmLabel="Apply change"
      loadPreview={() => opsApi.previewFlagChange(flag.key, { change: patch })}
      onConfirm={async reason => {
        await opsApi.updateFlag(flag.key, { reason, change: patch });
        onDone();
      }}
      onClose={onClose}
    >
      <FormControlLabel
        control={
          <Switch
            checked={form.killSwitch}
            onChange={event =>
              setForm({ ...form, killSwitch: event.target.checked })
            }
          />
        }
        label={`Kill switch (every tenant without an override gets ${variantLabel(
          flag,
          flag.defaultVariant,
        )})`}
      />
      <TextField
        id="ops-flag-rollout-percentage"
        label="Rollout percentage"
        type="number"
        margin="normal"
        variant="outlined"
        fullWidth
        value={form.rolloutPercentage}
        onChange={event =>
          setForm({ ...form, rolloutPercentage: event.target.value })
        }
        error={!percentageValid}
        helperText={
          percentageValid
            ? `Share of tenants (by ${flag.bucketBy}) that get the rollout variant`
            : 'A number from 0 to 100'
        }
        inputProps={{ min: 0, max: 100, step: 1 }}
      />
      <TextField
        select
        id="ops-flag-rollout-variant"
        label="Rollout variant"
        margin="normal"
        variant="outlined"
        fullWidth
        value={form.rolloutVariant}
        onChange={event =>
          setForm({ ...form, rolloutVariant: event.target.value })
        }
        SelectProps={{ native: true }}
        InputLabelProps={{ shrink: true }}
      >
        <option value="">None (everyone gets the default)</option>
        {orderedVariants(flag).map(variant => (
          <option key={variant} value={variant}>
            {variantLabel(flag, variant)}
          </option>
        ))}
      </TextField>
      {changes.length === 0 && (
        <Typography variant="body2" color="textSecondary">
          Nothing changed yet.
        </Typography>
      )}
    </FlagChangeConfirmDialog>
  );
}
