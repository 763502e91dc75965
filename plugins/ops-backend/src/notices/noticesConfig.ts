import { Config } from '@backstage/config';
import { TenantNoticeTemplate } from '@opsconsole/backstage-plugin-ops-common';
import {
  NOTICE_PLACEHOLDERS,
  SECURITY_ALERT_TEMPLATE,
  unknownPlaceholders,
} from './noticeTemplates';

/** `ops.notices.smtp`: where notices are sent. */
export interface SmtpConfig {
  host: string;
  port: number;
  secure: boolean;
  auth?: { user: string; pass: string };
  from: string;
}

export interface NoticesConfig {
  templates: TenantNoticeTemplate[];
  /** `{{contact}}`: how the tenant reaches the operations team. */
  contact: string;
  /** Unset: notices are captured in the database instead of sent (development). */
  smtp?: SmtpConfig;
}

function readSmtp(config: Config | undefined): SmtpConfig | undefined {
  if (!config) return undefined;
  const secure = config.getOptionalBoolean('secure') ?? false;
  const auth = config.getOptionalConfig('auth');
  return {
    host: config.getString('host'),
    port: config.getOptionalNumber('port') ?? (secure ? 465 : 587),
    secure,
    auth: auth && {
      user: auth.getString('user'),
      pass: auth.getString('pass'),
    },
    from: config.getString('from'),
  };
}

/**
 * Reads `ops.notices`. Templates are the built-in "Security Alert" plus the configured ones
 * (a configured `security-alert` replaces the built-in). Throws, failing startup, on a
 * duplicate template id or a placeholder that is not one of {@link NOTICE_PLACEHOLDERS}.
 */
export function readNoticesConfig(root: Config): NoticesConfig {
  const config = root.getOptionalConfig('ops.notices');
  const configured = (config?.getOptionalConfigArray('templates') ?? []).map(
    t => ({
      id: t.getString('id'),
      title: t.getString('title'),
      subject: t.getString('subject'),
      body: t.getString('body'),
    }),
  );
  const ids = configured.map(t => t.id);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate) {
    throw new Error(
      `ops.notices.templates: the template id "${duplicate}" is used twice`,
    );
  }
  for (const t of configured) {
    const unknown = unknownPlaceholders(t);
    if (unknown.length > 0) {
      throw new Error(
        `ops.notices.templates: template "${
          t.id
        }" uses unknown placeholders ${unknown
          .map(u => `{{${u}}}`)
          .join(', ')}; known: ${NOTICE_PLACEHOLDERS.map(p => `{{${p}}}`).join(
          ', ',
        )}`,
      );
    }
  }
  const smtp = readSmtp(config?.getOptionalConfig('smtp'));
  return {
    templates: [
      ...(ids.includes(SECURITY_ALERT_TEMPLATE.id)
        ? []
        : [SECURITY_ALERT_TEMPLATE]),
      ...configured,
    ],
    contact:
      config?.getOptionalString('contact') ??
      smtp?.from ??
      'the operations team',
    smtp,
  };
}
