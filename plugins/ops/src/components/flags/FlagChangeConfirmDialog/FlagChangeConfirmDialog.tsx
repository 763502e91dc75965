import { ReactNode } from 'react';
import { FlagPreview } from '@opsconsole/backstage-plugin-ops-common';
import { ReasonConfirmDialog } from '../../shared/ReasonConfirmDialog';
import { PreviewSummary } from './PreviewSummary';

/** @public */
export interface FlagChangeConfirmDialogProps {
  /** Title of the dialog, e.g. "Set “Beta: AI Composer” for acme". */
  title: string;
  /** Fields of the change, shown above the reason on the first step. */
  children?: ReactNode;
  /** Whether the fields describe a complete change (the reason aside). */
  changeReady: boolean;
  /** Why the change cannot be made (e.g. no permission); blocks continuing. */
  blocked?: string;
  /** The change in a sentence, shown on the confirmation step. */
  summary: ReactNode;
  /** Loads how many tenants change answer; called on the confirmation step. */
  loadPreview: () => Promise<FlagPreview>;
  /** Label of the confirming button, e.g. "Set override". */
  confirmLabel: string;
  /** Makes the change with the operator's reason; the dialog closes when it resolves. */
  onConfirm: (reason: string) => Promise<void>;
  onClose: () => void;
}

/**
 * A change to flags in two steps. First the change and a required reason
 * ("Review change" stays disabled without one); then a confirmation naming how
 * many tenants change answer (the preview endpoint) before the change is made.
 * A failed preview is shown but does not block an urgent change.
 */
export function FlagChangeConfirmDialog(props: FlagChangeConfirmDialogProps) {
  const { loadPreview, ...rest } = props;
  return (
    <ReasonConfirmDialog<FlagPreview>
      {...rest}
      reasonHelperText="Required. Kept in the flag history and the audit trail."
      preview={{
        load: loadPreview,
        render: preview => <PreviewSummary preview={preview} />,
        failedMessage: message =>
          `Could not work out how many tenants change answer: ${message}. You can still make the change.`,
      }}
    />
  );
}
