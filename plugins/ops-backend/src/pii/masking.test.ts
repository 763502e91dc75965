import { maskEmail, maskIp, maskName, piiMasker } from './masking';

describe('masking', () => {
  it.each([
    ['jane.doe@acme.example', 'j***@acme.example'],
    ['J@acme.example', 'J***@acme.example'],
    ['odd@name@acme.example', 'o***@acme.example'],
    ['not-an-email', '***'],
    ['@acme.example', '***'],
  ])('masks the email %s as %s', (email, masked) => {
    expect(maskEmail(email)).toBe(masked);
  });

  it.each([
    ['Jane Doe', 'J***'],
    ['Émile', 'É***'],
    ['', '***'],
  ])('masks the name %s as %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });

  it.each([
    ['203.0.113.42', '203.0.*.*'],
    ['::ffff:203.0.113.42', '203.0.*.*'],
    ['2001:db8:85a3::8a2e:370:7334', '2001:db8:*'],
    ['::1', '1:*'],
    ['unknown', '***'],
  ])('masks the IP %s as %s', (ip, masked) => {
    expect(maskIp(ip)).toBe(masked);
  });

  it('masks only when not revealing', () => {
    expect(piiMasker(false).email('jane@acme.example')).toBe(
      'j***@acme.example',
    );
    expect(piiMasker(true).email('jane@acme.example')).toBe(
      'jane@acme.example',
    );
    expect(piiMasker(false).ip('203.0.113.42')).toBe('203.0.*.*');
    expect(piiMasker(true).ip('203.0.113.42')).toBe('203.0.113.42');
  });
});
