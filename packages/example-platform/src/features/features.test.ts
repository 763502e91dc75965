import { ContractValidator, contractClient } from '../__testUtils__/contract';
import {
  flagKeyOf,
  OfrepStub,
  startOfrepStub,
} from '../__testUtils__/ofrepStub';
import { startTestPlatform, waitFor } from '../__testUtils__/testPlatform';
import { PlatformOptions, RunningPlatform } from '../platform';

const TOKEN = 'features-test-token';

/** Per-tenant answers of the stub, like the console's overrides. */
const disabledFor = new Set<string>();

function answerAiComposer(stub: OfrepStub) {
  stub.answer = request => {
    const tenantId = String(request.body.context?.tenantId);
    if (flagKeyOf(request) !== 'ai-composer') {
      return {
        status: 404,
        body: { key: flagKeyOf(request), errorCode: 'FLAG_NOT_FOUND' },
      };
    }
    return disabledFor.has(tenantId)
      ? {
          status: 200,
          body: {
            key: 'ai-composer',
            value: false,
            reason: 'TARGETING_MATCH',
            variant: 'off',
          },
        }
      : {
          status: 200,
          body: {
            key: 'ai-composer',
            value: true,
            reason: 'SPLIT',
            variant: 'on',
          },
        };
  };
}

describe('feature evaluation through OpenFeature and OFREP', () => {
  let stub: OfrepStub;
  const platforms: RunningPlatform[] = [];

  beforeEach(async () => {
    disabledFor.clear();
    stub = await startOfrepStub(() => ({ status: 500, body: {} }));
    answerAiComposer(stub);
  });

  afterEach(async () => {
    await Promise.all(platforms.splice(0).map(p => p.close()));
    await stub.close();
  });

  const start = async (options: PlatformOptions = {}) => {
    const platform = await startTestPlatform({
      apiToken: TOKEN,
      ofrep: { url: stub.baseUrl, token: 'ofrep-token' },
      ...options,
    });
    platforms.push(platform);
    const get = contractClient(
      platform.urls.api,
      new ContractValidator(),
      TOKEN,
    );
    const send = async (tenantId: string) => {
      const res = await fetch(
        `${platform.urls.api}/tenants/${tenantId}/messages`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            recipient: 'someone@example.net',
            subject: 'Your invoice',
          }),
        },
      );
      return { status: res.status, body: await res.json() };
    };
    const evaluations = async (tenantId: string) =>
      (await get(`/tenants/${tenantId}/feature-evaluations`)).body.items;
    return { platform, send, evaluations };
  };

  it('evaluates ai-composer per tenant with a bearer token and records the answer', async () => {
    disabledFor.add('acme');
    const { send, evaluations } = await start();

    expect(await send('acme')).toEqual({
      status: 202,
      body: { queued: 1, aiComposer: false },
    });
    expect(await send('globex')).toEqual({
      status: 202,
      body: { queued: 1, aiComposer: true },
    });

    expect(stub.requests).toHaveLength(2);
    expect(stub.requests[0]).toEqual({
      path: '/api/ops/ofrep/v1/evaluate/flags/ai-composer',
      authorization: 'Bearer ofrep-token',
      body: { context: { targetingKey: 'acme', tenantId: 'acme' } },
    });

    expect(await evaluations('acme')).toEqual([
      {
        flagKey: 'ai-composer',
        value: false,
        variant: 'off',
        reason: 'TARGETING_MATCH',
        evaluatedAt: expect.any(String),
      },
    ]);
    expect(await evaluations('globex')).toEqual([
      expect.objectContaining({ value: true, variant: 'on', reason: 'SPLIT' }),
    ]);
    expect(await evaluations('hooli')).toEqual([]);
  });

  it('evaluates at most once per cache period per tenant', async () => {
    const { send } = await start({ featureCacheMs: 60_000 });
    await send('acme');
    await send('acme');
    await Promise.all([send('acme'), send('acme')]);
    expect(stub.requests).toHaveLength(1);
    await send('globex');
    expect(stub.requests).toHaveLength(2);
  });

  it('records the new answer once an override changes it', async () => {
    const { send, evaluations } = await start({ featureCacheMs: 0 });
    await send('acme');
    expect((await evaluations('acme'))[0]).toMatchObject({ value: true });
    const first = (await evaluations('acme'))[0].evaluatedAt;

    disabledFor.add('acme'); // the operator overrides the flag for acme
    expect((await send('acme')).body.aiComposer).toBe(false);
    const [latest] = await evaluations('acme');
    expect(latest).toMatchObject({
      value: false,
      variant: 'off',
      reason: 'TARGETING_MATCH',
    });
    expect(latest.evaluatedAt >= first).toBe(true);
    expect(stub.requests).toHaveLength(2);
  });

  it('records errors the provider reports and still sends the mail', async () => {
    stub.answer = request => ({
      status: 404,
      body: {
        key: flagKeyOf(request),
        errorCode: 'FLAG_NOT_FOUND',
        errorDetails: 'flag ai-composer is not defined',
      },
    });
    const { send, evaluations } = await start();
    expect(await send('acme')).toEqual({
      status: 202,
      body: { queued: 1, aiComposer: false },
    });
    expect(await evaluations('acme')).toEqual([
      {
        flagKey: 'ai-composer',
        value: false,
        reason: 'ERROR',
        errorCode: 'FLAG_NOT_FOUND',
        errorMessage: expect.any(String),
        evaluatedAt: expect.any(String),
      },
    ]);
  });

  it('records a general error when the OFREP server is unreachable', async () => {
    const unreachable = stub.baseUrl;
    await stub.close();
    const { send, evaluations } = await start({
      ofrep: { url: unreachable, timeoutMs: 1000 },
    });
    expect((await send('acme')).status).toBe(202);
    expect((await evaluations('acme'))[0]).toMatchObject({
      value: false,
      reason: 'ERROR',
      errorCode: 'GENERAL',
    });
    stub = await startOfrepStub(() => ({ status: 500, body: {} })); // for afterEach
  });

  it('without an OFREP URL, records what the default provider answers', async () => {
    const { send, evaluations } = await start({ ofrep: false });
    expect((await send('acme')).body.aiComposer).toBe(false);
    expect((await evaluations('acme'))[0]).toMatchObject({
      flagKey: 'ai-composer',
      value: false,
      reason: 'ERROR',
      errorCode: 'PROVIDER_NOT_READY',
    });
    expect(stub.requests).toHaveLength(0);
  });

  it('keeps the providers of two platforms in one process apart', async () => {
    const other = await startOfrepStub(() => ({
      status: 200,
      body: { key: 'ai-composer', value: false, reason: 'DISABLED' },
    }));
    try {
      const first = await start();
      const second = await start({ ofrep: { url: other.baseUrl } });
      expect((await first.send('acme')).body.aiComposer).toBe(true);
      expect((await second.send('acme')).body.aiComposer).toBe(false);
      expect(stub.requests).toHaveLength(1);
      expect(other.requests).toHaveLength(1);
      expect(other.requests[0].authorization).toBeUndefined();
    } finally {
      await other.close();
    }
  });

  it('evaluates for the tenants its traffic sends mail for', async () => {
    const { platform } = await start({
      traffic: { intervalMs: 5, maxMessagesPerTick: 5 },
    });
    const get = contractClient(
      platform.urls.api,
      new ContractValidator(),
      TOKEN,
    );
    // acme is the most likely sender (enterprise); wait until it sent mail
    const [evaluation] = await waitFor(async () => {
      const { body } = await get('/tenants/acme/feature-evaluations');
      return body.items.length > 0 ? body.items : undefined;
    });
    expect(evaluation).toMatchObject({ value: true, variant: 'on' });
    expect(
      stub.requests.every(r => r.authorization === 'Bearer ofrep-token'),
    ).toBe(true);
  });

  it('rejects mail for unknown or suspended tenants and bad bodies', async () => {
    const { platform, send } = await start();
    expect((await send('nope')).status).toBe(404);
    expect(await send('stark')).toEqual({
      status: 409,
      body: expect.objectContaining({
        error: expect.objectContaining({
          message: 'Tenant "stark" is suspended and cannot send mail',
        }),
      }),
    });
    const res = await fetch(`${platform.urls.api}/tenants/acme/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ recipient: 'nobody', subject: 'x' }),
    });
    expect(res.status).toBe(400);
    expect(stub.requests).toHaveLength(0);
  });
});
