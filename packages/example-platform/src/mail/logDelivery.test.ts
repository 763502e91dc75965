import {
  postJson,
  seededRandom,
  startTestPlatform,
  waitFor,
} from '../__testUtils__/testPlatform';
import { PlatformLogger } from '../logger';
import { RunningPlatform } from '../platform';
import { TRACEPARENT_HEADER } from '../telemetry/traceContext';

type Entry = { level: string; message: string; meta?: Record<string, unknown> };

describe('mail job logs', () => {
  let platform: RunningPlatform | undefined;

  afterEach(async () => {
    await platform?.close();
    platform = undefined;
  });

  it('logs queueing at debug and the delivery (info, or error when it fails) in the same trace', async () => {
    const entries: Entry[] = [];
    const at =
      (level: string) => (message: string, meta?: Record<string, unknown>) =>
        entries.push({ level, message, meta });
    const logger: PlatformLogger = {
      debug: at('debug'),
      info: at('info'),
      warn: at('warn'),
      error: at('error'),
    };
    platform = await startTestPlatform({
      logger,
      // every delivery succeeds unless it cannot be routed
      traffic: {
        generateMail: false,
        sendIntervalMs: 20,
        bounceRate: 0,
        complaintRate: 0,
      },
    });
    for (const recipient of ['ok@example.net', 'lost@nowhere.invalid']) {
      const res = await postJson(
        `${platform.urls.api}/tenants/globex/messages`,
        { recipient, subject: 'Hi' },
      );
      expect(res.status).toBe(202);
    }
    const deliveries = await waitFor(() => {
      const found = entries.filter(e => e.meta?.['mail.outcome']);
      return found.length === 2 && found;
    });
    const sent = deliveries.find(e => e.meta?.['mail.outcome'] === 'sent')!;
    const failed = deliveries.find(e => e.meta?.['mail.outcome'] === 'failed')!;
    expect(sent).toMatchObject({
      level: 'info',
      message: 'mail sent for tenant globex',
      meta: { tenantId: 'globex', 'mail.recipient_domain': 'example.net' },
    });
    expect(failed).toMatchObject({
      level: 'error',
      message:
        'delivery failed for tenant globex: No MX or A record for nowhere.invalid (recipient lost@nowhere.invalid)',
      meta: { tenantId: 'globex' },
    });

    const queued = entries.filter(
      e => e.message === 'queued mail for tenant globex',
    );
    expect(queued.map(e => e.level)).toEqual(['debug', 'debug']);
    expect(queued.map(e => e.meta?.traceId).sort()).toEqual(
      [sent.meta?.traceId, failed.meta?.traceId].sort(),
    );
    // the delivery is a span of its own in that trace
    for (const delivery of [sent, failed]) {
      const parent = queued.find(
        e => e.meta?.traceId === delivery.meta?.traceId,
      )!;
      expect(delivery.meta?.spanId).toMatch(/^[0-9a-f]{16}$/);
      expect(delivery.meta?.spanId).not.toBe(parent.meta?.spanId);
    }

    // the trace travels with the job data
    const jobs = await fetch(
      `${platform.urls.api}/admin-api/v1/tenants/globex/queue-jobs?state=completed,failed`,
      { headers: { authorization: 'Bearer dev-example-platform-token' } },
    ).then(r => r.json());
    expect(
      jobs.jobs
        .map(
          (j: { data: { headers: Record<string, string> } }) =>
            j.data.headers[TRACEPARENT_HEADER].split('-')[1],
        )
        .sort(),
    ).toEqual([sent.meta?.traceId, failed.meta?.traceId].sort());
  });

  it('logs bounces and complaints at warn', async () => {
    const levels: Array<[string, unknown]> = [];
    const record =
      (level: string) => (_message: string, meta?: Record<string, unknown>) => {
        if (meta?.['mail.outcome']) levels.push([level, meta['mail.outcome']]);
      };
    platform = await startTestPlatform({
      logger: {
        debug: record('debug'),
        info: record('info'),
        warn: record('warn'),
        error: record('error'),
      },
      traffic: {
        generateMail: false,
        sendIntervalMs: 20,
        bounceRate: 0.5,
        complaintRate: 0.5,
      },
      random: seededRandom(7),
    });
    for (let i = 0; i < 20; i++) {
      await postJson(`${platform.urls.api}/tenants/acme/messages`, {
        recipient: `r${i}@example.net`,
        subject: 'Hi',
      });
    }
    await waitFor(() => levels.length === 20);
    const outcomes = new Set(levels.map(([, outcome]) => outcome));
    expect([...outcomes].sort()).toEqual(['bounced', 'complained']);
    expect(levels.every(([level]) => level === 'warn')).toBe(true);
  });
});
