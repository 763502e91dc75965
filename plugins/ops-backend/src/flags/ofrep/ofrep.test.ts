import { OFREPProvider } from '@openfeature/ofrep-provider';
import { OFREPWebProvider } from '@openfeature/ofrep-web-provider';
import { OpenFeature } from '@openfeature/server-sdk';
import {
  OpenFeature as WebOpenFeature,
  ProviderEvents,
} from '@openfeature/web-sdk';
import { bucketOf } from '../evaluateFlag';
import { issueUserToken } from '../../__testUtils__/fakeAuthBackend';
import { startOpsWithRealAuth } from '../../__testUtils__/startOpsWithRealAuth';

jest.setTimeout(60_000);

const EVALUATE_TOKEN = 'ofrep-test-token-0123456789abcdef';
const HEALTH_TOKEN = 'health-only-token-0123456789abcdef';
const CATALOG_TOKEN = 'catalog-only-token-0123456789abcdef';

/** Tenants inside and outside the 50 % rollout of ai-composer. */
const tenantWhere = (inside: boolean) => {
  for (let i = 0; ; i++) {
    if (bucketOf('ai-composer', `tenant-${i}`) < 50 === inside) {
      return `tenant-${i}`;
    }
  }
};
const INSIDE = tenantWhere(true);
const OUTSIDE = tenantWhere(false);

describe('OFREP endpoints, through the OpenFeature SDKs', () => {
  let base: string;
  const admin = issueUserToken('user:default/admin');

  const api = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${admin}`,
        'content-type': 'application/json',
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (res.status >= 300) {
      throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    }
    return res.status === 204 ? undefined : res.json();
  };

  const ofrep = (
    path: string,
    init: { token?: string; body?: string; headers?: Record<string, string> },
  ) =>
    fetch(`${base}/ofrep/v1/evaluate/${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(init.token && { authorization: `Bearer ${init.token}` }),
        ...init.headers,
      },
      body: init.body ?? JSON.stringify({ context: { tenantId: INSIDE } }),
    });

  beforeAll(async () => {
    base = await startOpsWithRealAuth({
      tokens: [
        {
          token: EVALUATE_TOKEN,
          subject: 'example-platform',
          restriction: { permission: 'ops.flags.evaluate' },
        },
        {
          token: HEALTH_TOKEN,
          subject: 'health-reader',
          restriction: { permission: 'ops.health.read' },
        },
        {
          token: CATALOG_TOKEN,
          subject: 'catalog-reader',
          restriction: { plugin: 'catalog' },
        },
      ],
    });

    const create = (flag: Record<string, unknown>) =>
      api('POST', '/flags', { name: flag.key, ...flag });
    await create({
      key: 'ai-composer',
      name: 'Beta: AI Composer',
      type: 'boolean',
      variants: { on: true, off: false },
      defaultVariant: 'off',
      rolloutPercentage: 50,
      rolloutVariant: 'on',
    });
    await create({
      key: 'editor-theme',
      type: 'string',
      variants: { classic: 'classic', blocks: 'blocks' },
      defaultVariant: 'blocks',
    });
    await create({
      key: 'retry-limit',
      type: 'number',
      variants: { low: 2, standard: 5 },
      defaultVariant: 'standard',
    });
    await create({
      key: 'dkim',
      type: 'object',
      variants: { strong: { keyBits: 2048 } },
      defaultVariant: 'strong',
    });
    await create({
      key: 'retired',
      type: 'boolean',
      variants: { on: true },
      defaultVariant: 'on',
    });
    await api('PATCH', '/flags/retired', {
      reason: 'feature shipped',
      change: { archived: true },
    });
  });

  afterAll(async () => {
    await OpenFeature.close();
    await WebOpenFeature.close();
  });

  describe('@openfeature/server-sdk with @openfeature/ofrep-provider', () => {
    const client = () => OpenFeature.getClient('ofrep-test');

    beforeAll(async () => {
      await OpenFeature.setProviderAndWait(
        'ofrep-test',
        new OFREPProvider({
          baseUrl: base,
          headers: { authorization: `Bearer ${EVALUATE_TOKEN}` },
        }),
      );
    });

    it('evaluates a rollout per tenant, with reason and variant', async () => {
      expect(
        await client().getBooleanDetails('ai-composer', false, {
          targetingKey: 'user-1',
          tenantId: INSIDE,
        }),
      ).toMatchObject({ value: true, variant: 'on', reason: 'SPLIT' });
      expect(
        await client().getBooleanDetails('ai-composer', true, {
          targetingKey: 'user-1',
          tenantId: OUTSIDE,
        }),
      ).toMatchObject({ value: false, variant: 'off', reason: 'SPLIT' });
    });

    it('evaluates string, number and object flags', async () => {
      const ctx = { targetingKey: 'user-1', tenantId: INSIDE };
      expect(await client().getStringValue('editor-theme', 'x', ctx)).toBe(
        'blocks',
      );
      expect(await client().getNumberValue('retry-limit', 0, ctx)).toBe(5);
      expect(await client().getObjectDetails('dkim', {}, ctx)).toMatchObject({
        value: { keyBits: 2048 },
        reason: 'STATIC',
      });
    });

    it('reports a type mismatch through the SDK', async () => {
      expect(
        await client().getNumberDetails('ai-composer', 7, { tenantId: INSIDE }),
      ).toMatchObject({ value: 7, errorCode: 'TYPE_MISMATCH' });
    });

    it.each([
      ['unknown', 'no-such-flag'],
      ['archived', 'retired'],
    ])('answers FLAG_NOT_FOUND for an %s flag', async (_, key) => {
      expect(
        await client().getBooleanDetails(key, false, { tenantId: INSIDE }),
      ).toMatchObject({
        value: false,
        reason: 'ERROR',
        errorCode: 'FLAG_NOT_FOUND',
      });
    });

    it('answers TARGETING_KEY_MISSING for a rollout without the bucketing attribute', async () => {
      expect(
        await client().getBooleanDetails('ai-composer', false, {
          targetingKey: 'user-1',
        }),
      ).toMatchObject({
        value: false,
        reason: 'ERROR',
        errorCode: 'TARGETING_KEY_MISSING',
      });
    });

    it('answers INVALID_CONTEXT for a tenantId that is not a string', async () => {
      expect(
        await client().getBooleanDetails('ai-composer', false, {
          targetingKey: 'user-1',
          tenantId: 42,
        }),
      ).toMatchObject({ errorCode: 'INVALID_CONTEXT' });
    });

    it('serves a tenant override at once, and records what it served to the tenant', async () => {
      await api('PUT', `/flags/ai-composer/overrides/${INSIDE}`, {
        variant: 'off',
        reason: 'AI Composer breaks their workflow',
      });
      expect(
        await client().getBooleanDetails('ai-composer', true, {
          targetingKey: 'user-1',
          tenantId: INSIDE,
        }),
      ).toMatchObject({
        value: false,
        variant: 'off',
        reason: 'TARGETING_MATCH',
      });
      const view = await api('GET', `/tenants/${INSIDE}/flags`);
      const aiComposer = view.flags.find(
        (f: any) => f.flag.key === 'ai-composer',
      );
      expect(aiComposer).toMatchObject({
        resolution: { value: false, why: 'override' },
        override: { variant: 'off' },
        lastEvaluation: {
          value: false,
          variant: 'off',
          reason: 'TARGETING_MATCH',
        },
      });
      await api(
        'DELETE',
        `/flags/ai-composer/overrides/${INSIDE}?reason=${encodeURIComponent(
          'fixed',
        )}`,
      );
      expect(
        await client().getBooleanValue('ai-composer', false, {
          tenantId: INSIDE,
        }),
      ).toBe(true);
    });
  });

  describe('wire format and errors', () => {
    it('answers application/json with key, value, reason, variant', async () => {
      const res = await ofrep('flags/ai-composer', { token: EVALUATE_TOKEN });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await res.json()).toEqual({
        key: 'ai-composer',
        value: true,
        reason: 'SPLIT',
        variant: 'on',
        metadata: {},
      });
    });

    it.each([
      ['{not json', 'PARSE_ERROR'],
      ['[1, 2]', 'PARSE_ERROR'],
      ['{"context": "acme"}', 'INVALID_CONTEXT'],
      ['{"context": {"targetingKey": 7}}', 'INVALID_CONTEXT'],
    ])('answers 400 with key and errorCode for body %s', async (body, code) => {
      const res = await ofrep('flags/ai-composer', {
        token: EVALUATE_TOKEN,
        body,
      });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({
        key: 'ai-composer',
        errorCode: code,
        errorDetails: expect.any(String),
      });
      const bulk = await ofrep('flags', { token: EVALUATE_TOKEN, body });
      expect(bulk.status).toBe(400);
      expect(await bulk.json()).toMatchObject({ errorCode: code });
    });

    it('answers 404 with key and FLAG_NOT_FOUND', async () => {
      const res = await ofrep('flags/nope', { token: EVALUATE_TOKEN });
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({
        key: 'nope',
        errorCode: 'FLAG_NOT_FOUND',
      });
    });

    it('bulk: every live flag, flag-level errors inline, ETag and 304', async () => {
      const first = await ofrep('flags', {
        token: EVALUATE_TOKEN,
        body: JSON.stringify({ context: { targetingKey: 'user-1' } }),
      });
      expect(first.status).toBe(200);
      const etag = first.headers.get('etag')!;
      expect(etag).toMatch(/^".+"$/);
      const { flags } = await first.json();
      expect(flags.map((f: any) => f.key).sort()).toEqual([
        'ai-composer',
        'dkim',
        'editor-theme',
        'retry-limit',
      ]);
      expect(flags.find((f: any) => f.key === 'ai-composer')).toMatchObject({
        errorCode: 'TARGETING_KEY_MISSING',
      });
      const again = await ofrep('flags', {
        token: EVALUATE_TOKEN,
        body: JSON.stringify({ context: { targetingKey: 'user-1' } }),
        headers: { 'if-none-match': etag },
      });
      expect(again.status).toBe(304);
      const otherContext = await ofrep('flags', {
        token: EVALUATE_TOKEN,
        headers: { 'if-none-match': etag },
      });
      expect(otherContext.status).toBe(200);
      expect(otherContext.headers.get('etag')).not.toBe(etag);
    });
  });

  describe('caller authentication', () => {
    it('refuses a request without a token (401)', async () => {
      expect((await ofrep('flags/ai-composer', {})).status).toBe(401);
      expect((await ofrep('flags', {})).status).toBe(401);
    });

    it('refuses user tokens (403): OFREP is for services', async () => {
      const res = await ofrep('flags/ai-composer', { token: admin });
      expect(res.status).toBe(403);
    });

    it('refuses an external token restricted to another ops permission (403)', async () => {
      expect(
        (await ofrep('flags/ai-composer', { token: HEALTH_TOKEN })).status,
      ).toBe(403);
      expect((await ofrep('flags', { token: HEALTH_TOKEN })).status).toBe(403);
    });

    it('refuses an external token restricted to another plugin (403)', async () => {
      expect(
        (await ofrep('flags/ai-composer', { token: CATALOG_TOKEN })).status,
      ).toBe(403);
    });

    it('refuses an unknown token (401)', async () => {
      expect(
        (
          await ofrep('flags/ai-composer', {
            token: 'not-a-known-token-at-all',
          })
        ).status,
      ).toBe(401);
    });
  });

  describe('@openfeature/web-sdk with @openfeature/ofrep-web-provider (bulk, ETag)', () => {
    it('polls with If-None-Match, gets 304 while nothing changes, and picks up a change', async () => {
      const statuses: Array<{ status: number; ifNoneMatch: string | null }> =
        [];
      let onNotModified: () => void = () => {};
      const notModified = new Promise<void>(r => (onNotModified = r));
      const recordingFetch = async (
        input: RequestInfo | URL,
        init?: RequestInit,
      ) => {
        const request = new Request(input, init);
        const res = await fetch(request);
        statuses.push({
          status: res.status,
          ifNoneMatch: request.headers.get('if-none-match'),
        });
        if (res.status === 304) onNotModified();
        return res;
      };

      await WebOpenFeature.setContext('ofrep-web', {
        targetingKey: 'user-1',
        tenantId: INSIDE,
      });
      await WebOpenFeature.setProviderAndWait(
        'ofrep-web',
        new OFREPWebProvider({
          baseUrl: base,
          headers: [['authorization', `Bearer ${EVALUATE_TOKEN}`]],
          fetchImplementation: recordingFetch,
          pollInterval: 50,
          cacheMode: 'disabled',
          changeDetection: 'polling',
        }),
      );
      const client = WebOpenFeature.getClient('ofrep-web');
      expect(client.getBooleanDetails('ai-composer', false)).toMatchObject({
        value: true,
        reason: 'SPLIT',
      });
      expect(client.getStringValue('editor-theme', 'x')).toBe('blocks');

      await notModified;
      expect(statuses[0]).toEqual({ status: 200, ifNoneMatch: null });
      expect(statuses.find(s => s.status === 304)?.ifNoneMatch).toMatch(
        /^".+"$/,
      );

      const changed = new Promise<void>(resolve =>
        client.addHandler(ProviderEvents.ConfigurationChanged, () => resolve()),
      );
      await api('PUT', `/flags/ai-composer/overrides/${INSIDE}`, {
        variant: 'off',
        reason: 'disable for this tenant only',
      });
      await changed;
      expect(client.getBooleanDetails('ai-composer', true)).toMatchObject({
        value: false,
        reason: 'TARGETING_MATCH',
      });
      await api(
        'DELETE',
        `/flags/ai-composer/overrides/${INSIDE}?reason=cleanup`,
      );
    });
  });
});
