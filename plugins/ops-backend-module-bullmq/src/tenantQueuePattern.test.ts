import { parseTenantQueuePattern } from './tenantQueuePattern';

describe('parseTenantQueuePattern', () => {
  it('maps queue names to tenants with the default pattern', () => {
    const pattern = parseTenantQueuePattern('outbound-email-{tenant}');
    expect(pattern.tenantOf('outbound-email-acme')).toBe('acme');
    expect(pattern.tenantOf('outbound-email-acme-eu')).toBe('acme-eu');
    expect(pattern.tenantOf('outbound-email-')).toBeUndefined();
    expect(pattern.tenantOf('inbound-email-acme')).toBeUndefined();
    expect(pattern.tenantOf('transactional')).toBeUndefined();
  });

  it('maps only tenant ids (lower-case slugs) to tenants', () => {
    const pattern = parseTenantQueuePattern('outbound-email-{tenant}');
    expect(pattern.tenantOf('outbound-email--acme')).toBeUndefined();
    expect(pattern.tenantOf('outbound-email-tenant-0042.eu')).toBe(
      'tenant-0042.eu',
    );
    expect(pattern.tenantOf('outbound-email-Acme')).toBeUndefined();
    expect(pattern.tenantOf('outbound-email-acme prio')).toBeUndefined();
    expect(
      pattern.tenantOf(`outbound-email-${'a'.repeat(64)}`),
    ).toBeUndefined();
    expect(pattern.tenantOf(`outbound-email-${'a'.repeat(63)}`)).toBe(
      'a'.repeat(63),
    );
  });

  it('takes the placeholder anywhere and matches the rest literally', () => {
    const pattern = parseTenantQueuePattern('mail.{tenant}.out(1)');
    expect(pattern.tenantOf('mail.acme.out(1)')).toBe('acme');
    expect(pattern.tenantOf('mailxacmexout(1)')).toBeUndefined();
    expect(pattern.tenantOf('mail.acme.out1')).toBeUndefined();
  });

  it('rejects a pattern without exactly one placeholder', () => {
    expect(() => parseTenantQueuePattern('outbound-email')).toThrow(
      /must contain \{tenant\} exactly once/,
    );
    expect(() => parseTenantQueuePattern('{tenant}-{tenant}')).toThrow(
      /exactly once/,
    );
  });
});
