import {
  ReceivedLogRecord,
  startOtlpReceiver,
} from '../__testUtils__/otlpReceiver';
import {
  PlatformProcess,
  startPlatformProcess,
} from '../__testUtils__/platformProcess';
import { postJson, waitFor } from '../__testUtils__/testPlatform';

// The platform runs as its CLI in a child process (the real OpenTelemetry
// exporter cannot run inside Jest's module sandbox); the OTLP receiver runs
// here and keeps what the exporter sends.

jest.setTimeout(60_000);

const TOKEN = 'otlp-test-token';
const HEX32 = /^[0-9a-f]{32}$/;
const HEX16 = /^[0-9a-f]{16}$/;
const ACTIVE_TENANTS = ['acme', 'globex', 'hooli', 'initech', 'umbrella'];

describe('logs over OTLP/HTTP with the OpenTelemetry SDK', () => {
  let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
  let platform: PlatformProcess | undefined;

  beforeEach(async () => {
    receiver = await startOtlpReceiver();
  });

  afterEach(async () => {
    await platform?.stop('SIGKILL');
    platform = undefined;
    await receiver.close();
  });

  const startExporting = (env: Record<string, string> = {}) =>
    startPlatformProcess({
      OTEL_EXPORTER_OTLP_LOGS_ENDPOINT: receiver.endpoint,
      EXAMPLE_PLATFORM_OTLP_TOKEN: TOKEN,
      OTEL_BLRP_SCHEDULE_DELAY: '100',
      ...env,
    });

  const recordsWhere = (predicate: (r: ReceivedLogRecord) => boolean) =>
    receiver.records().filter(predicate);

  const waitForRecords = (
    predicate: (r: ReceivedLogRecord) => boolean,
    count = 1,
  ) =>
    waitFor(() => {
      const found = recordsWhere(predicate);
      return found.length >= count && found;
    }, 20_000);

  it('every role sends its records with service.name, tenant.id, severity, body and trace ids', async () => {
    platform = await startExporting();

    // traffic: the api queues mail (debug), the worker sends it (info)
    const [queued] = await waitForRecords(r =>
      r.body.startsWith('queued mail for tenant '),
    );
    expect(queued).toMatchObject({
      service: 'mail-api',
      resource: {
        'service.name': 'mail-api',
        'service.namespace': 'example-platform',
        'service.version': '0.1.0',
      },
      severityNumber: 5,
      severityText: 'DEBUG',
    });
    expect(ACTIVE_TENANTS).toContain(queued.attributes['tenant.id']);
    expect(queued.traceId).toMatch(HEX32);
    expect(queued.spanId).toMatch(HEX16);

    const [sent] = await waitForRecords(r =>
      r.body.startsWith('mail sent for tenant '),
    );
    expect(sent).toMatchObject({
      service: 'mail-worker',
      severityNumber: 9,
      severityText: 'INFO',
      attributes: { 'mail.outcome': 'sent' },
    });
    expect(sent.body).toBe(
      `mail sent for tenant ${sent.attributes['tenant.id']}`,
    );
    // the delivery is logged in the trace the api started for the mail job
    await waitForRecords(
      r => r.service === 'mail-api' && r.traceId === sent.traceId,
    );

    // a request, at debug, naming the tenant of its path, in a trace of its own
    const res = await postJson(`${platform.urls.api}/tenants/hooli/messages`, {
      recipient: 'someone@example.net',
      subject: 'Hello',
    });
    expect(res.status).toBe(202);
    const [request] = await waitForRecords(r =>
      r.body.startsWith('POST /tenants/hooli/messages 202'),
    );
    expect(request).toMatchObject({
      service: 'mail-api',
      severityText: 'DEBUG',
      attributes: {
        'tenant.id': 'hooli',
        'http.request.method': 'POST',
        'http.response.status_code': 202,
      },
    });
    expect(request.traceId).toMatch(HEX32);

    // a fault injection, at warn, as the role it hits
    await postJson(`${platform.urls.api}/admin/roles/scheduler/fault`, {
      mode: 'degraded',
    });
    const [fault] = await waitForRecords(r => r.body.startsWith('fault '));
    expect(fault).toMatchObject({
      service: 'mail-scheduler',
      severityNumber: 13,
      severityText: 'WARN',
      body: 'fault injected into role scheduler: degraded',
      attributes: { 'fault.injected': 'degraded' },
    });

    // gzip-compressed JSON with the bearer token
    for (const req of receiver.requests) {
      expect(req.path).toBe('/api/ops/otlp/v1/logs');
      expect(req.headers.authorization).toBe(`Bearer ${TOKEN}`);
      expect(req.headers['content-type']).toMatch(/^application\/json/);
      expect(req.headers['content-encoding']).toBe('gzip');
    }
  });

  it('an error burst logs N error records with tenants and traces before it answers', async () => {
    // batches only on flush: what arrives was flushed by the burst itself
    platform = await startExporting({
      EXAMPLE_PLATFORM_TRAFFIC: 'off',
      OTEL_BLRP_SCHEDULE_DELAY: '600000',
      EXAMPLE_PLATFORM_ADMIN_TOKEN: 'admin-secret',
    });
    const res = await postJson(
      `${platform.urls.api}/admin/roles/worker/error-burst`,
      { count: 40 },
      { authorization: 'Bearer admin-secret' },
    );
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      role: 'worker',
      service: 'mail-worker',
      count: 40,
      message: 'connection refused to smtp relay 10.0.0.7:25',
      tenantIds: ACTIVE_TENANTS,
      firstTraceId: expect.stringMatching(HEX32),
    });

    const burst = recordsWhere(
      r => r.attributes['fault.injected'] === 'error-burst',
    );
    expect(burst).toHaveLength(40);
    for (const record of burst) {
      expect(record).toMatchObject({
        service: 'mail-worker',
        severityNumber: 17,
        severityText: 'ERROR',
        body: 'connection refused to smtp relay 10.0.0.7:25',
        attributes: { 'error.type': 'ECONNREFUSED' },
      });
      expect(record.traceId).toMatch(HEX32);
    }
    expect(new Set(burst.map(r => r.traceId)).size).toBe(40);
    expect(new Set(burst.map(r => r.attributes['tenant.id']))).toEqual(
      new Set(ACTIVE_TENANTS),
    );
    expect(burst.map(r => r.traceId)).toContain(body.firstTraceId);
  });

  it('flushes buffered records when it shuts down', async () => {
    platform = await startExporting({
      EXAMPLE_PLATFORM_TRAFFIC: 'off',
      OTEL_BLRP_SCHEDULE_DELAY: '600000',
      EXAMPLE_PLATFORM_OTLP_TOKEN: '',
    });
    await postJson(`${platform.urls.api}/admin/roles/worker/fault`, {
      mode: 'failing',
    });
    expect(receiver.requests).toHaveLength(0);
    expect(await platform.stop('SIGTERM')).toBe(0);
    expect(
      recordsWhere(r => r.body === 'fault injected into role worker: failing'),
    ).toEqual([expect.objectContaining({ service: 'mail-worker' })]);
    // no token: no Authorization header
    expect(receiver.requests[0].headers.authorization).toBeUndefined();
  });

  it('exports nothing when OTEL_EXPORTER_OTLP_LOGS_ENDPOINT is unset', async () => {
    // the SDK exporter would fall back to the generic endpoint: none may exist
    platform = await startPlatformProcess({
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint.replace(/\/v1\/logs$/, ''),
      EXAMPLE_PLATFORM_OTLP_TOKEN: TOKEN,
      EXAMPLE_PLATFORM_TRAFFIC_INTERVAL_MS: '50',
    });
    expect(platform.output()).toContain(
      'OTEL_EXPORTER_OTLP_LOGS_ENDPOINT is not set: logs go to the console only',
    );
    const res = await postJson(
      `${platform.urls.api}/admin/roles/worker/error-burst`,
      { count: 5 },
    );
    expect(res.status).toBe(200);
    // the burst still reaches the console
    expect(platform.output()).toContain(
      'error [example-platform] connection refused to smtp relay 10.0.0.7:25',
    );
    expect(await platform.stop('SIGTERM')).toBe(0);
    expect(receiver.requests).toHaveLength(0);
  });
});
