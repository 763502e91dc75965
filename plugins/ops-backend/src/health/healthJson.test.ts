import { interpretHealthResponse, parseChecks } from './healthJson';

describe('interpretHealthResponse', () => {
  it.each([
    [200, 'application/health+json', '{"status":"pass"}', 'pass'],
    [200, 'application/health+json', '{"status":"warn"}', 'warn'],
    [200, 'application/json', '{"status":"UP"}', 'pass'],
    [200, 'application/json', '{"status":"down"}', 'fail'],
    [503, 'application/health+json', '{"status":"fail"}', 'fail'],
    [500, 'text/html', '<h1>oops</h1>', 'fail'],
    [200, 'application/json', '{"status":"sideways"}', 'warn'],
    [200, 'application/json', '[1,2]', 'warn'],
    [200, 'application/json', '{"uptime": 5}', 'pass'],
  ])('HTTP %s %s %s -> %s', (code, type, body, expected) => {
    expect(interpretHealthResponse(code, type, body).status).toBe(expected);
  });

  it('explains a failure with the HTTP status and the document output', () => {
    expect(
      interpretHealthResponse(
        503,
        'application/health+json',
        '{"status":"fail","output":"injected fault: failing"}',
      ),
    ).toEqual({
      status: 'fail',
      checks: [],
      error: 'HTTP 503: injected fault: failing',
    });
  });

  it('keeps every entry of a check and stringifies object values', () => {
    const checks = parseChecks({
      'db:connections': [
        { componentId: 'primary', observedValue: 3, status: 'pass' },
        {
          componentId: 'replica',
          observedValue: { a: 1 },
          status: 'fail',
          output: 'lagging',
        },
      ],
      'not-an-array': { status: 'warn' },
      broken: [null, 7],
    });
    expect(checks).toEqual([
      expect.objectContaining({
        name: 'db:connections',
        componentId: 'primary',
        status: 'pass',
        observedValue: 3,
      }),
      expect.objectContaining({
        name: 'db:connections',
        componentId: 'replica',
        status: 'fail',
        observedValue: '{"a":1}',
        output: 'lagging',
      }),
      expect.objectContaining({ name: 'not-an-array', status: 'warn' }),
    ]);
  });
});
