import { AllowedHosts } from './allowedHosts';

describe('AllowedHosts', () => {
  const hosts = new AllowedHosts([
    '127.0.0.1',
    '*.internal.example.com',
    'metrics.example.com:9090',
  ]);

  it.each([
    ['http://127.0.0.1:7101/health', true],
    ['https://api.internal.example.com/health', true],
    ['https://a.b.internal.example.com/health', true],
    ['https://internal.example.com/health', false],
    ['https://evilinternal.example.com/health', false],
    ['http://metrics.example.com:9090/-/healthy', true],
    ['http://metrics.example.com/-/healthy', false],
    ['http://169.254.169.254/latest/meta-data', false],
    ['http://localhost:7101/health', false],
  ])('%s allowed=%s', (url, allowed) => {
    expect(hosts.check(url).allowed).toBe(allowed);
  });

  it('refuses non-http protocols and invalid URLs with a reason', () => {
    expect(hosts.check('file:///etc/passwd')).toEqual({
      allowed: false,
      reason: 'protocol file: is not allowed; use http or https',
    });
    expect(hosts.check('not a url')).toEqual({
      allowed: false,
      reason: '"not a url" is not a valid URL',
    });
  });

  it('refuses everything when the list is empty', () => {
    const verdict = new AllowedHosts([]).check('http://127.0.0.1/health');
    expect(verdict).toEqual({
      allowed: false,
      reason: 'ops.health.allowedHosts is empty, so no target may be probed',
    });
  });

  it('allows any host with *', () => {
    expect(
      new AllowedHosts(['*']).check('http://anything.example/h').allowed,
    ).toBe(true);
  });
});
