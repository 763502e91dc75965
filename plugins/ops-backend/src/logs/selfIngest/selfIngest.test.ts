import { WinstonLogger } from '@backstage/backend-defaults/rootLogger';
import {
  coreServices,
  createBackendPlugin,
  createServiceFactory,
  RootLoggerService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Server } from 'node:http';
import request from 'supertest';
import { opsPlugin } from '../../plugin';
import { opsSelfLogSinkServiceRef } from './selfLogSinkServiceRef';

jest.setTimeout(60_000);

const SECRET = 'smtp-password-0123456789';

/** What an adopter's root logger does: the console transport plus the sink's. */
const rootLoggerWithSelfLogs = createServiceFactory({
  service: coreServices.rootLogger,
  deps: { sink: opsSelfLogSinkServiceRef },
  factory({ sink }) {
    const logger = WinstonLogger.create({
      meta: { service: 'backstage' },
      level: 'info',
      transports: [sink.transport],
    });
    logger.addRedactions([SECRET]);
    sink.addRedactions([SECRET]);
    return logger;
  },
});

describe('the backend’s own logs in the log store', () => {
  let server: Server;
  let stop: () => Promise<void>;
  let rootLogger: RootLoggerService;

  beforeAll(async () => {
    const backend = await startTestBackend({
      features: [
        rootLoggerWithSelfLogs,
        // a plugin that logs before the ops plugin is up (its lines wait in the sink)
        createBackendPlugin({
          pluginId: 'early',
          register(env) {
            env.registerInit({
              deps: {
                logger: coreServices.logger,
                root: coreServices.rootLogger,
              },
              async init({ logger, root }) {
                rootLogger = root;
                logger
                  .child({ tenantId: 'acme' })
                  .warn(`early bird login with ${SECRET}`, {
                    requestId: 'r-1',
                    nested: { depth: 2, list: [1, 2] },
                    token: SECRET,
                  });
              },
            });
          },
        }),
        opsPlugin,
        catalogServiceMock.factory({ entities: [] }),
        mockServices.rootConfig.factory({
          data: { ops: { logs: { selfIngest: { enabled: true } } } },
        }),
      ],
    });
    server = backend.server;
    stop = () => backend.stop();
  });
  afterAll(() => stop());

  const search = async (q: string) => {
    const res = await request(server)
      .get(`/api/ops/logs/search?limit=1000&q=${encodeURIComponent(q)}`)
      .set('authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    return res.body.records as Array<Record<string, any>>;
  };

  /** Waits until the query finds a record (the sink drains asynchronously). */
  const eventually = async (q: string) => {
    for (let attempt = 0; attempt < 200; attempt++) {
      const records = await search(q);
      if (records.length > 0) return records;
      await new Promise(resolve => setTimeout(resolve, 50));
    }
    throw new Error(`no record matches ${q}`);
  };

  it('stores lines logged before the ops plugin started, redacted, with plugin and meta as attributes', async () => {
    const [record] = await eventually('service:backstage "early bird"');
    expect(record).toMatchObject({
      level: 'warn',
      service: 'backstage',
      tenantId: 'acme',
      body: 'early bird login with ***',
      attributes: {
        plugin: 'early',
        requestId: 'r-1',
        'nested.depth': '2',
        'nested.list': '[1,2]',
        token: '***',
      },
    });
    expect(JSON.stringify(record)).not.toContain(SECRET);
    expect(await search('attr.plugin:early level>=warn')).toHaveLength(1);
  });

  it('stores lines logged later, but never those of the logs capability', async () => {
    const ops = rootLogger.child({ plugin: 'ops' });
    ops.child({ capability: 'logs' }).warn('Could not store 5 log records');
    ops.child({ capability: 'queues' }).error('queue source down');
    rootLogger.info('marker after the others');

    await eventually('service:backstage "marker after the others"');
    // lines are stored in the order they were logged: the ones before the marker are in
    expect(
      (await search('service:backstage "queue source down"'))[0],
    ).toMatchObject({
      level: 'error',
      attributes: { plugin: 'ops', capability: 'queues' },
    });
    expect(await search('service:backstage "could not store"')).toEqual([]);
    expect(await search('attr.capability:logs')).toEqual([]);
  });
});
