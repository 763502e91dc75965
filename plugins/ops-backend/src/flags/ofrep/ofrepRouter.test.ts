import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import request from 'supertest';
import { FlagEvaluator } from '../FlagEvaluator';
import { createOfrepRouter } from './ofrepRouter';

describe('createOfrepRouter', () => {
  function app(evaluator: Partial<FlagEvaluator>) {
    const logger = mockServices.logger.mock();
    const router = createOfrepRouter({
      httpAuth: mockServices.httpAuth({
        defaultCredentials: mockCredentials.service('external:platform'),
      }),
      permissions: mockServices.permissions(),
      evaluator: evaluator as FlagEvaluator,
      logger,
    });
    return { logger, app: express().use(router).use(mockErrorHandler()) };
  }

  it('answers 500 GENERAL (with the key) when evaluation fails, and logs why', async () => {
    const { app: server, logger } = app({
      evaluate: jest.fn().mockRejectedValue(new Error('database gone')),
      evaluateAll: jest.fn().mockRejectedValue(new Error('database gone')),
    });
    const single = await request(server)
      .post('/ofrep/v1/evaluate/flags/ai-composer')
      .send({ context: { tenantId: 'acme' } });
    expect(single.status).toBe(500);
    expect(single.body).toEqual({
      key: 'ai-composer',
      errorCode: 'GENERAL',
      errorDetails: expect.any(String),
    });
    const bulk = await request(server)
      .post('/ofrep/v1/evaluate/flags')
      .send({ context: { tenantId: 'acme' } });
    expect(bulk.status).toBe(500);
    expect(bulk.body).toMatchObject({ errorCode: 'GENERAL' });
    expect(logger.error).toHaveBeenCalledWith(
      expect.stringContaining('database gone'),
    );
  });

  it('passes the parsed context to the evaluator, an empty body as an empty context', async () => {
    const evaluate = jest.fn().mockResolvedValue({
      key: 'k',
      resolution: {
        value: 'x',
        variant: 'x',
        reason: 'STATIC',
        why: 'default',
      },
    });
    const { app: server } = app({ evaluate });
    await request(server)
      .post('/ofrep/v1/evaluate/flags/k')
      .set('content-type', 'application/json')
      .send('{"context":{"tenantId":"acme","plan":"pro"}}');
    await request(server).post('/ofrep/v1/evaluate/flags/k');
    expect(evaluate.mock.calls).toEqual([
      ['k', { tenantId: 'acme', plan: 'pro' }],
      ['k', {}],
    ]);
  });

  it('refuses a caller whose permission check is denied (403)', async () => {
    const router = createOfrepRouter({
      httpAuth: mockServices.httpAuth({
        defaultCredentials: mockCredentials.service('external:platform'),
      }),
      permissions: mockServices.permissions.mock({
        authorize: async () => [{ result: AuthorizeResult.DENY }],
      }),
      evaluator: {} as FlagEvaluator,
      logger: mockServices.logger.mock(),
    });
    const res = await request(express().use(router).use(mockErrorHandler()))
      .post('/ofrep/v1/evaluate/flags/k')
      .send({});
    expect(res.status).toBe(403);
  });
});

describe('OFREP request bodies', () => {
  it('answers PARSE_ERROR for a body over 256 KiB', async () => {
    const router = createOfrepRouter({
      httpAuth: mockServices.httpAuth({
        defaultCredentials: mockCredentials.service('external:platform'),
      }),
      permissions: mockServices.permissions(),
      evaluator: {} as FlagEvaluator,
      logger: mockServices.logger.mock(),
    });
    const res = await request(express().use(router).use(mockErrorHandler()))
      .post('/ofrep/v1/evaluate/flags/k')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ context: { big: 'x'.repeat(300 * 1024) } }));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      key: 'k',
      errorCode: 'PARSE_ERROR',
      errorDetails: 'The request body is too large',
    });
  });
});
