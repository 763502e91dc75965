import { useState } from 'react';
import TextField from '@material-ui/core/TextField';
import { useApi } from '@backstage/core-plugin-api';
import {
  TenantNotice,
  TenantNoticeTemplate,
} from '@opsconsole/backstage-plugin-ops-common';
import { opsApiRef } from '../../../api';
import { useNoticeTemplates } from '../useQueues';
import { errorMessage } from '../../shared/format';
import { ReasonConfirmDialog } from '../../shared/ReasonConfirmDialog';
import { NoticeResultDialog } from './NoticeResultDialog';
import { NoticeView } from './NoticeView';

/** The template picked first: "Security Alert" when there is one. */
export function defaultTemplate(
  templates: TenantNoticeTemplate[],
): TenantNoticeTemplate | undefined {
  return (
    templates.find(
      template =>
        template.id === 'security-alert' ||
        template.title.toLocaleLowerCase('en-US') === 'security alert',
    ) ?? templates[0]
  );
}

/** @public */
export interface NotifyTenantDialogProps {
  tenantId: string;
  onClose: () => void;
  /** Called with the sent (or captured) notice once the operator closes the result. */
  onDone: (notice: TenantNotice) => void;
}

/**
 * Notifies the tenant's admin: a template ("Security Alert" by default) and a
 * required reason, then the rendered notice as a preview before "Send notice",
 * then the result (sent over SMTP, or captured when no SMTP is configured).
 * Needs `ops.tenant.notify` on the tenant; the backend audits the send.
 */
export function NotifyTenantDialog(props: NotifyTenantDialogProps) {
  const { tenantId, onClose, onDone } = props;
  const opsApi = useApi(opsApiRef);
  const templates = useNoticeTemplates();
  const [picked, setPicked] = useState<string>();
  const [sent, setSent] = useState<TenantNotice>();
  const all = templates.value?.templates ?? [];
  const template =
    all.find(candidate => candidate.id === picked) ?? defaultTemplate(all);

  if (sent) {
    return <NoticeResultDialog notice={sent} onClose={() => onDone(sent)} />;
  }

  let blocked: string | undefined;
  if (templates.error) {
    blocked = `Could not load the notice templates: ${errorMessage(
      templates.error,
    )}`;
  } else if (templates.value && all.length === 0) {
    blocked = 'No notice templates are configured.';
  }

  return (
    <ReasonConfirmDialog<TenantNotice>
      title={`Notify the admin of tenant ${tenantId}`}
      changeReady={Boolean(template)}
      blocked={blocked}
      reasonHelperText="Required. Filled into the notice and kept in the audit trail."
      summary={`Send “${
        template?.title ?? ''
      }” to the admin of tenant ${tenantId}:`}
      preview={{
        load: reason =>
          opsApi.previewTenantNotice(tenantId, {
            templateId: template!.id,
            reason,
          }),
        render: notice => <NoticeView notice={notice} label="Notice preview" />,
        failedMessage: message =>
          `Could not render the notice: ${message}. Nothing was sent.`,
        required: true,
      }}
      confirmLabel="Send notice"
      onConfirm={async reason => {
        setSent(
          await opsApi.sendTenantNotice(tenantId, {
            templateId: template!.id,
            reason,
          }),
        );
      }}
      onClose={onClose}
    >
      <TextField
        select
        id="ops-notice-template"
        label="Template"
        variant="outlined"
        size="small"
        margin="normal"
        fullWidth
        disabled={!templates.value}
        value={template?.id ?? ''}
        onChange={event => setPicked(event.target.value)}
        SelectProps={{ native: true }}
      >
        {all.map(candidate => (
          <option key={candidate.id} value={candidate.id}>
            {candidate.title}
          </option>
        ))}
      </TextField>
    </ReasonConfirmDialog>
  );
}
