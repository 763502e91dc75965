import { ConfigReader } from '@backstage/config';
import { readNoticesConfig } from './noticesConfig';
import { SECURITY_ALERT_TEMPLATE } from './noticeTemplates';

const read = (notices: object) =>
  readNoticesConfig(new ConfigReader({ ops: { notices } }));

describe('notices config', () => {
  it('has the Security Alert and captures mail without SMTP', () => {
    expect(readNoticesConfig(new ConfigReader({}))).toEqual({
      templates: [SECURITY_ALERT_TEMPLATE],
      contact: 'the operations team',
      smtp: undefined,
    });
  });

  it('adds configured templates; one with the same id replaces the built-in', () => {
    const config = read({
      contact: 'security@ops.example',
      smtp: {
        host: 'mail.example',
        from: 'ops@example.com',
        auth: { user: 'u', pass: 'p' },
      },
      templates: [
        {
          id: 'security-alert',
          title: 'Alert',
          subject: 'S {{tenantId}}',
          body: 'B',
        },
        {
          id: 'maintenance',
          title: 'Maintenance',
          subject: 'M',
          body: '{{time}}',
        },
      ],
    });
    expect(config.templates.map(t => [t.id, t.title])).toEqual([
      ['security-alert', 'Alert'],
      ['maintenance', 'Maintenance'],
    ]);
    expect(config.contact).toBe('security@ops.example');
    expect(config.smtp).toEqual({
      host: 'mail.example',
      port: 587,
      secure: false,
      auth: { user: 'u', pass: 'p' },
      from: 'ops@example.com',
    });
    expect(
      read({ smtp: { host: 'h', from: 'ops@example.com', secure: true } }),
    ).toMatchObject({ contact: 'ops@example.com', smtp: { port: 465 } });
  });

  it('fails startup on unknown placeholders and duplicate ids', () => {
    expect(() =>
      read({
        templates: [
          { id: 'x', title: 'X', subject: '{{tenantname}}', body: 'B' },
        ],
      }),
    ).toThrow(
      'ops.notices.templates: template "x" uses unknown placeholders {{tenantname}}; known: {{tenantName}}, {{tenantId}}, {{reason}}, {{time}}, {{contact}}',
    );
    const t = { id: 'x', title: 'X', subject: 'S', body: 'B' };
    expect(() => read({ templates: [t, t] })).toThrow(
      'the template id "x" is used twice',
    );
  });
});
