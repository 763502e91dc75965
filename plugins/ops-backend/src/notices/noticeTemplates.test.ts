import {
  noticeTime,
  renderNotice,
  SECURITY_ALERT_TEMPLATE,
  unknownPlaceholders,
} from './noticeTemplates';

const values = {
  tenantName: 'Acme Corp',
  tenantId: 'acme',
  reason: 'A burst of 4,000 mails to unknown recipients',
  time: '2026-11-26 03:00 UTC',
  contact: 'security@ops.example',
};

describe('notice templates', () => {
  it('renders the built-in Security Alert', () => {
    const { subject, body } = renderNotice(SECURITY_ALERT_TEMPLATE, values);
    expect(subject).toBe('Security alert for your account Acme Corp');
    expect(body).toContain(
      'We detected unusual activity on your account Acme Corp (acme) at 2026-11-26 03:00 UTC:',
    );
    expect(body).toContain('A burst of 4,000 mails to unknown recipients');
    expect(body).toContain('contact security@ops.example.');
    expect(body).not.toMatch(/\{\{/);
  });

  it('accepts spaces inside braces and keeps the subject on one line', () => {
    expect(
      renderNotice(
        {
          id: 't',
          title: 'T',
          subject: '{{ tenantId }}: {{reason}}',
          body: '{{ time }}',
        },
        { ...values, reason: 'line one\r\nline two' },
      ),
    ).toEqual({ subject: 'acme: line one line two', body: values.time });
  });

  it('names unknown placeholders (and leaves them visible when rendered)', () => {
    const template = {
      id: 't',
      title: 'T',
      subject: '{{tenant}} {{tenantId}}',
      body: '{{ adminName }} {{tenant}}',
    };
    expect(unknownPlaceholders(template)).toEqual(['tenant', 'adminName']);
    expect(unknownPlaceholders(SECURITY_ALERT_TEMPLATE)).toEqual([]);
    expect(renderNotice(template, values).subject).toBe('{{tenant}} acme');
  });

  it('formats the time in UTC to the minute', () => {
    expect(noticeTime(Date.parse('2026-11-26T03:04:59.999Z'))).toBe(
      '2026-11-26 03:04 UTC',
    );
  });
});
