import { execFile } from 'node:child_process';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { issueUserToken } from '../../__testUtils__/fakeAuthBackend';
import { startOpsWithRealAuth } from '../../__testUtils__/startOpsWithRealAuth';

jest.setTimeout(60_000);

const INGEST_TOKEN = 'otlp-test-token-0123456789abcdef';
const OTHER_TOKEN = 'ofrep-only-token-0123456789abcdef';
const MAX_BODY = 100_000;
const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const SPAN_ID = '00f067aa0ba902b7';

describe('OTLP/HTTP log ingest', () => {
  let base: string;
  const reader = issueUserToken('user:default/reader');

  beforeAll(async () => {
    base = await startOpsWithRealAuth({
      ops: { logs: { maxBodyBytes: MAX_BODY } },
      tokens: [
        {
          token: INGEST_TOKEN,
          subject: 'example-platform',
          restriction: { permission: 'ops.logs.ingest' },
        },
        {
          token: OTHER_TOKEN,
          subject: 'flags-only',
          restriction: { permission: 'ops.flags.evaluate' },
        },
      ],
    });
  });

  const search = async (q: string) => {
    const res = await fetch(
      `${base}/logs/search?limit=1000&q=${encodeURIComponent(q)}`,
      { headers: { authorization: `Bearer ${reader}` } },
    );
    expect(res.status).toBe(200);
    return (await res.json()).records as Array<Record<string, any>>;
  };

  const post = (
    body: string | Buffer,
    headers: Record<string, string> = {},
    token: string | null = INGEST_TOKEN,
  ) =>
    fetch(`${base}/otlp/v1/logs`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token && { authorization: `Bearer ${token}` }),
        ...headers,
      },
      body,
    });

  it.each(['gzip', 'none'] as const)(
    'stores what the official OpenTelemetry exporter sends (compression %s)',
    async compression => {
      const stdout = await new Promise<string>((resolve, reject) =>
        execFile(
          process.execPath,
          [
            path.join(__dirname, '__testUtils__/exportWithOtelSdk.js'),
            JSON.stringify({
              url: `${base}/otlp/v1/logs`,
              token: INGEST_TOKEN,
              compression,
              service: `mailer-${compression}`,
              count: 20,
              traceId: TRACE_ID,
              spanId: SPAN_ID,
            }),
          ],
          (error, out, err) => (error ? reject(new Error(err)) : resolve(out)),
        ),
      );
      const results = JSON.parse(stdout);
      expect(results.length).toBeGreaterThan(0);
      expect(results).toEqual(results.map(() => ({ code: 0 }))); // SUCCESS

      const records = await search(`service:mailer-${compression}`);
      expect(records).toHaveLength(20);
      const errors = await search(
        `service:mailer-${compression} level>=error tenant:acme trace:${TRACE_ID} "connection refused" attr.http.status_code:503`,
      );
      expect(errors.map(r => r.body).sort()).toEqual(
        [0, 5, 10, 15]
          .map(i => `delivery ${i} connection refused by mx.acme.example`)
          .sort(),
      );
      expect(errors[0]).toMatchObject({
        level: 'error',
        tenantId: 'acme',
        traceId: TRACE_ID,
        spanId: SPAN_ID,
        attributes: {
          'service.name': `mailer-${compression}`,
          'deployment.environment': 'test',
          'otel.scope.name': 'mail-sender',
          'http.status_code': '503',
        },
      });
    },
  );

  it('reports records it refuses in partialSuccess and stores the rest', async () => {
    const res = await post(
      JSON.stringify({
        resourceLogs: [
          {
            resource: {
              attributes: [
                { key: 'service.name', value: { stringValue: 'partial' } },
              ],
            },
            scopeLogs: [
              {
                logRecords: [
                  { body: { stringValue: 'no time: stored with now' } },
                  {
                    timeUnixNano: 'yesterday',
                    body: { stringValue: 'bad time' },
                  },
                  { traceId: 'xyz', body: { stringValue: 'bad trace' } },
                  'not a record',
                  {
                    timeUnixNano: Date.now() * 1e6,
                    severityText: 'warning',
                    body: {
                      kvlistValue: {
                        values: [{ key: 'a', value: { intValue: '1' } }],
                      },
                    },
                  },
                ],
              },
            ],
          },
        ],
      }),
    );
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.partialSuccess.rejectedLogRecords).toBe('3');
    expect(body.partialSuccess.errorMessage).toContain(
      'logRecords[1]: timeUnixNano',
    );
    const stored = await search('service:partial');
    expect(stored.map(r => [r.body, r.level]).sort()).toEqual([
      ['no time: stored with now', 'info'],
      ['{"a":"1"}', 'warn'],
    ]);
  });

  it('answers bad bodies with OTLP 4xx errors, never 5xx', async () => {
    const status = async (res: Response) => {
      const json = await res.json();
      expect(json).toEqual({
        code: expect.any(Number),
        message: expect.any(String),
        details: [],
      });
      return res.status;
    };
    expect(await status(await post('{"resourceLogs": ['))).toBe(400);
    expect(await status(await post('[1,2]'))).toBe(400);
    expect(await status(await post('null'))).toBe(400);
    expect(await status(await post('{"resourceLogs": {"x": 1}}'))).toBe(400);
    expect(
      await status(await post('{"resourceLogs": [{"scopeLogs": 7}]}')),
    ).toBe(400);
    expect(
      await status(await post('{}', { 'content-type': 'text/plain' })),
    ).toBe(415);
    expect(
      await status(
        await post('\x0a\x00', { 'content-type': 'application/x-protobuf' }),
      ),
    ).toBe(415);
    expect(await status(await post('{}', { 'content-encoding': 'br' }))).toBe(
      415,
    );
    expect(
      await status(
        await post('not gzip at all', { 'content-encoding': 'gzip' }),
      ),
    ).toBe(400);
    // oversized, plain and as a gzip bomb (a few KB that inflate to 50 MB)
    expect(await status(await post(`{"x":"${'a'.repeat(MAX_BODY)}"}`))).toBe(
      413,
    );
    const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024, 0x20));
    expect(bomb.length).toBeLessThan(MAX_BODY);
    expect(await status(await post(bomb, { 'content-encoding': 'gzip' }))).toBe(
      413,
    );
    // an empty body is an empty request
    expect((await post('')).status).toBe(200);
  });

  it('requires a token allowed to ingest', async () => {
    const body = JSON.stringify({ resourceLogs: [] });
    expect((await post(body, {}, null)).status).toBe(401);
    expect((await post(body, {}, OTHER_TOKEN)).status).toBe(403);
  });
});
