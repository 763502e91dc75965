import { useState } from 'react';
import Typography from '@material-ui/core/Typography';
import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  Flag,
  FlagOverride,
  opsTenantFlagsOverridePermission,
  tenantEntityRef,
} from '@opsconsole/backstage-plugin-ops-common';
import { opsApiRef } from '../../../api';
import { variantLabel } from '../flagFormat';
import { FlagChangeConfirmDialog } from '../FlagChangeConfirmDialog';
import { TenantPicker } from './TenantPicker';
import { VariantPicker } from './VariantPicker';

/** @public */
export interface FlagOverrideDialogProps {
  flag: Flag;
  /** `set` an override (or change it) or `remove` the tenant's override. */
  mode: 'set' | 'remove';
  /** The tenant; when left out (on the flag page) the operator picks one. */
  tenantId?: string;
  /** The tenant's current override, if any. */
  override?: FlagOverride;
  /** Tenants not to offer in the picker (they already have an override). */
  excludeTenants?: string[];
  onClose: () => void;
  /** Called after the change was made. */
  onDone: () => void;
}

/**
 * Sets or removes a flag override for one tenant: the variant (On / Off for
 * boolean flags), a required reason, then a confirmation naming how many
 * tenants change answer. Needs `ops.tenant.flags.override` on the tenant.
 */
export function FlagOverrideDialog(props: FlagOverrideDialogProps) {
  const { flag, mode, override, excludeTenants, onClose, onDone } = props;
  const opsApi = useApi(opsApiRef);
  const [pickedTenant, setPickedTenant] = useState<string>();
  const [variant, setVariant] = useState<string | undefined>(
    mode === 'set' ? undefined : override?.variant,
  );
  const tenantId = props.tenantId ?? pickedTenant;
  const permission = usePermission({
    permission: opsTenantFlagsOverridePermission,
    resourceRef: tenantId ? tenantEntityRef(tenantId) : undefined,
  });

  let blocked: string | undefined;
  if (tenantId && !permission.loading && !permission.allowed) {
    blocked = `You are not allowed to change flags of tenant ${tenantId} (ops.tenant.flags.override).`;
  }

  const target = tenantId ?? 'the tenant';
  const title =
    mode === 'set'
      ? `Set “${flag.name}” for ${target}`
      : `Remove the override of “${flag.name}” for ${target}`;
  const summary =
    mode === 'set' && variant
      ? `${target} will get ${variantLabel(
          flag,
          variant,
        )} (variant “${variant}”), whatever the rollout percentage or kill switch.`
      : `${target} will get the flag's global answer again (rollout, kill switch or default).`;

  return (
    <FlagChangeConfirmDialog
      title={title}
      changeReady={Boolean(tenantId && (mode === 'remove' || variant))}
      blocked={blocked}
      summary={summary}
      confirmLabel={mode === 'set' ? 'Set override' : 'Remove override'}
      loadPreview={() =>
        opsApi.previewFlagChange(flag.key, {
          override: {
            tenantId: tenantId!,
            variant: mode === 'set' ? variant! : null,
          },
        })
      }
      onConfirm={async reason => {
        if (mode === 'set') {
          await opsApi.setFlagOverride(flag.key, tenantId!, {
            variant: variant!,
            reason,
          });
        } else {
          await opsApi.removeFlagOverride(flag.key, tenantId!, { reason });
        }
        onDone();
      }}
      onClose={onClose}
    >
      {!props.tenantId && (
        <TenantPicker
          value={pickedTenant}
          onChange={setPickedTenant}
          exclude={excludeTenants}
        />
      )}
      {override && (
        <Typography variant="body2" color="textSecondary">
          Current override: {variantLabel(flag, override.variant)} (variant “
          {override.variant}”), set by {override.actor}: {override.reason}
        </Typography>
      )}
      {mode === 'set' && (
        <VariantPicker
          flag={flag}
          label={`Serve ${target}`}
          value={variant}
          onChange={setVariant}
        />
      )}
    </FlagChangeConfirmDialog>
  );
}
