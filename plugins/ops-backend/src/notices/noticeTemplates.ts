import { TenantNoticeTemplate } from '@opsconsole/backstage-plugin-ops-common';

/** What a template may refer to as `{{name}}`. */
export const NOTICE_PLACEHOLDERS = [
  'tenantName',
  'tenantId',
  'reason',
  'time',
  'contact',
] as const;

export type NoticePlaceholder = (typeof NOTICE_PLACEHOLDERS)[number];
export type NoticeValues = Record<NoticePlaceholder, string>;

/** The built-in "Security Alert"; a configured template with the same id replaces it. */
export const SECURITY_ALERT_TEMPLATE: TenantNoticeTemplate = {
  id: 'security-alert',
  title: 'Security Alert',
  subject: 'Security alert for your account {{tenantName}}',
  body: [
    'Hello,',
    '',
    'We detected unusual activity on your account {{tenantName}} ({{tenantId}}) at {{time}}:',
    '',
    '{{reason}}',
    '',
    'As a precaution, outgoing email of your account may be paused while we investigate.',
    'Please review recent logins, users and API keys of your account.',
    'If you have questions, contact {{contact}}.',
    '',
    'The operations team',
  ].join('\n'),
};

const PLACEHOLDER = /\{\{\s*([^{}\s]*)\s*\}\}/g;

/**
 * The placeholders of a template that are not {@link NOTICE_PLACEHOLDERS}. Templates are
 * checked when the plugin starts: a typo fails startup instead of reaching a tenant.
 */
export function unknownPlaceholders(template: TenantNoticeTemplate): string[] {
  const known = new Set<string>(NOTICE_PLACEHOLDERS);
  return [
    ...new Set(
      [template.subject, template.body].flatMap(text =>
        [...text.matchAll(PLACEHOLDER)]
          .map(m => m[1])
          .filter(name => !known.has(name)),
      ),
    ),
  ];
}

/** Fills the placeholders in (`{{ name }}` with or without spaces); the subject is one line. */
export function renderNotice(
  template: TenantNoticeTemplate,
  values: NoticeValues,
): { subject: string; body: string } {
  const fill = (text: string) =>
    text.replace(PLACEHOLDER, (whole, name: string) =>
      name in values ? values[name as NoticePlaceholder] : whole,
    );
  return {
    subject: fill(template.subject).replace(/\s+/g, ' ').trim(),
    body: fill(template.body),
  };
}

/** `2026-11-26T03:04:05.000Z` → `2026-11-26 03:04 UTC`. */
export const noticeTime = (ms: number) =>
  `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
