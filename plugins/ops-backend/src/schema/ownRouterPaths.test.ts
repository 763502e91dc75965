import express, { NextFunction, Request, Response } from 'express';
import request from 'supertest';
import { createOpenApiRouter, spec } from './openapi/generated/router';

// The OFREP and OTLP routes are in the spec but served by their own routers mounted before the
// validated one: a request to them that reaches the validated router must not be rejected there
// (as before they were in the spec, when the validator ignored them as undocumented).
describe('validated router and the routes served by their own routers', () => {
  async function app() {
    const validated = await createOpenApiRouter();
    const server = express();
    const router = express.Router();
    router.use(validated);
    router.use((req, res) => {
      res.status(299).json({ reached: req.path });
    });
    server.use('/api/ops', router);
    server.use(
      (error: Error, _req: Request, res: Response, _next: NextFunction) => {
        res
          .status(error.name === 'InputError' ? 400 : 500)
          .json({ error: error.message });
      },
    );
    return server;
  }

  it.each([
    ['/ofrep/v1/evaluate/flags/ai-composer', { context: 5 }],
    ['/ofrep/v1/evaluate/flags', { context: 'acme' }],
    ['/otlp/v1/logs', { resourceLogs: 5 }],
  ])('does not reject POST %s against the spec', async (route, body) => {
    const res = await request(await app())
      .post(`/api/ops${route}`)
      .set('content-encoding', 'identity')
      .send(body);
    expect(res.body).toEqual({ reached: route });
    expect(res.status).toBe(299);
  });

  it('still validates the routes it serves', async () => {
    const res = await request(await app())
      .post('/api/ops/flags')
      .send({ key: 'x' });
    expect(res.status).toBe(400);
  });

  it('documents every route the plugin serves in one spec', () => {
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/ofrep/v1/evaluate/flags/{key}',
        '/ofrep/v1/evaluate/flags',
        '/otlp/v1/logs',
      ]),
    );
  });
});
