import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  resolveAdminToken,
  resolveApiToken,
  resolveDbPath,
  resolveOfrep,
  resolveOtlpLogs,
  resolveRedis,
  resolvePorts,
  resolveRoles,
  resolveTrafficSetting,
} from './config';
import { defaultDbPath } from './db/defaultDbPath';

describe('config', () => {
  it('resolves ports from options, then env, then defaults', () => {
    expect(resolvePorts(undefined, {})).toEqual({
      api: 7101,
      worker: 7102,
      scheduler: 7103,
    });
    expect(
      resolvePorts(
        { api: 0 },
        {
          EXAMPLE_PLATFORM_PORT_API: '9000',
          EXAMPLE_PLATFORM_PORT_WORKER: '9001',
        },
      ),
    ).toEqual({ api: 0, worker: 9001, scheduler: 7103 });
    expect(() =>
      resolvePorts(undefined, { EXAMPLE_PLATFORM_PORT_SCHEDULER: 'abc' }),
    ).toThrow(
      'EXAMPLE_PLATFORM_PORT_SCHEDULER must be a port number from 0 to 65535, got "abc"',
    );
  });

  it('resolves the roles to run from EXAMPLE_PLATFORM_ROLES', () => {
    expect(resolveRoles({})).toEqual(['api', 'worker', 'scheduler']);
    expect(resolveRoles({ EXAMPLE_PLATFORM_ROLES: 'worker, api' })).toEqual([
      'api',
      'worker',
    ]);
    expect(() =>
      resolveRoles({ EXAMPLE_PLATFORM_ROLES: 'api,mailer' }),
    ).toThrow('unknown roles: mailer');
  });

  it('resolves the database path', () => {
    expect(
      resolveDbPath(':memory:', { EXAMPLE_PLATFORM_DB: '/tmp/x.sqlite' }),
    ).toBe(':memory:');
    expect(
      resolveDbPath(undefined, { EXAMPLE_PLATFORM_DB: '/tmp/x.sqlite' }),
    ).toBe('/tmp/x.sqlite');
  });

  it('defaults the database to <repo root or cwd>/.data/example-platform.sqlite', () => {
    const dir = fs.mkdtempSync(
      path.join(os.tmpdir(), 'example-platform-root-'),
    );
    try {
      const pkg = path.join(dir, 'packages', 'example-platform');
      fs.mkdirSync(pkg, { recursive: true });
      fs.writeFileSync(path.join(pkg, 'package.json'), '{"name":"x"}');
      // no workspace root above: the cwd is used
      expect(defaultDbPath(pkg)).toBe(
        path.join(pkg, '.data', 'example-platform.sqlite'),
      );
      // the repository root is the directory whose package.json declares workspaces
      fs.writeFileSync(
        path.join(dir, 'package.json'),
        '{"workspaces":["packages/*"]}',
      );
      expect(defaultDbPath(pkg)).toBe(
        path.join(dir, '.data', 'example-platform.sqlite'),
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('resolves the traffic setting', () => {
    expect(resolveTrafficSetting(false, {})).toBe(false);
    expect(resolveTrafficSetting(undefined, {})).toBe(true);
    expect(
      resolveTrafficSetting(undefined, { EXAMPLE_PLATFORM_TRAFFIC: 'off' }),
    ).toBe(false);
    expect(
      resolveTrafficSetting(undefined, {
        EXAMPLE_PLATFORM_TRAFFIC_INTERVAL_MS: '250',
      }),
    ).toEqual({ intervalMs: 250 });
  });

  it('resolves the admin token', () => {
    const env = { EXAMPLE_PLATFORM_ADMIN_TOKEN: 'env' };
    expect(resolveAdminToken(undefined, {})).toBeUndefined();
    expect(resolveAdminToken(undefined, env)).toBe('env');
    expect(resolveAdminToken('opt', env)).toBe('opt');
    expect(resolveAdminToken('', env)).toBeUndefined();
  });

  it('resolves the Platform Admin API token, falling back to the dev default', () => {
    const env = { EXAMPLE_PLATFORM_API_TOKEN: 'env' };
    expect(resolveApiToken(undefined, {})).toEqual({
      token: 'dev-example-platform-token',
      isDevDefault: true,
    });
    expect(resolveApiToken(undefined, env)).toEqual({
      token: 'env',
      isDevDefault: false,
    });
    expect(resolveApiToken('opt', env)).toEqual({
      token: 'opt',
      isDevDefault: false,
    });
  });

  it('resolves the OFREP server from options, then env', () => {
    expect(resolveOfrep(undefined, {})).toBeUndefined();
    expect(
      resolveOfrep(undefined, {
        EXAMPLE_PLATFORM_OFREP_URL: 'http://localhost:7007/api/ops/',
        EXAMPLE_PLATFORM_OFREP_TOKEN: 'tok',
      }),
    ).toEqual({ url: 'http://localhost:7007/api/ops', token: 'tok' });
    expect(
      resolveOfrep(false, { EXAMPLE_PLATFORM_OFREP_URL: 'http://x' }),
    ).toBeUndefined();
    expect(
      resolveOfrep(
        { url: 'http://opt' },
        { EXAMPLE_PLATFORM_OFREP_URL: 'http://x' },
      ),
    ).toEqual({ url: 'http://opt' });
    expect(() =>
      resolveOfrep(undefined, { EXAMPLE_PLATFORM_OFREP_URL: 'localhost:7007' }),
    ).toThrow('EXAMPLE_PLATFORM_OFREP_URL must be an http(s) URL');
  });

  it('resolves the OTLP logs endpoint from options, then env', () => {
    const endpoint = 'http://localhost:7007/api/ops/otlp/v1/logs';
    expect(resolveOtlpLogs(undefined, {})).toBeUndefined();
    expect(
      resolveOtlpLogs(undefined, {
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://localhost:4318',
      }),
    ).toBeUndefined();
    expect(
      resolveOtlpLogs(undefined, {
        OTEL_EXPORTER_OTLP_LOGS_ENDPOINT: ` ${endpoint} `,
        EXAMPLE_PLATFORM_OTLP_TOKEN: 'tok',
      }),
    ).toEqual({ endpoint, token: 'tok' });
    expect(
      resolveOtlpLogs(undefined, {
        OTEL_EXPORTER_OTLP_LOGS_ENDPOINT: endpoint,
        OTEL_BLRP_SCHEDULE_DELAY: '250',
      }),
    ).toEqual({ endpoint, scheduledDelayMillis: 250 });
    expect(
      resolveOtlpLogs(false, { OTEL_EXPORTER_OTLP_LOGS_ENDPOINT: endpoint }),
    ).toBeUndefined();
    expect(
      resolveOtlpLogs(
        { endpoint: 'http://opt/v1/logs' },
        { OTEL_EXPORTER_OTLP_LOGS_ENDPOINT: endpoint },
      ),
    ).toEqual({ endpoint: 'http://opt/v1/logs' });
    expect(() =>
      resolveOtlpLogs(undefined, {
        OTEL_EXPORTER_OTLP_LOGS_ENDPOINT: 'localhost:7007/api/ops/otlp/v1/logs',
      }),
    ).toThrow('OTEL_EXPORTER_OTLP_LOGS_ENDPOINT must be an http(s) URL');
    expect(() =>
      resolveOtlpLogs(undefined, {
        OTEL_EXPORTER_OTLP_LOGS_ENDPOINT: endpoint,
        OTEL_BLRP_SCHEDULE_DELAY: 'soon',
      }),
    ).toThrow('OTEL_BLRP_SCHEDULE_DELAY must be a positive number');
  });

  it('reads REDIS_URL and REDIS_QUEUE_PREFIX; the option wins', () => {
    expect(resolveRedis(undefined, {})).toBeUndefined();
    expect(
      resolveRedis(undefined, { REDIS_URL: 'redis://127.0.0.1:6379' }),
    ).toEqual({ url: 'redis://127.0.0.1:6379', prefix: undefined });
    expect(
      resolveRedis(undefined, {
        REDIS_URL: 'redis://127.0.0.1:6379',
        REDIS_QUEUE_PREFIX: 'e2e123',
      }),
    ).toEqual({ url: 'redis://127.0.0.1:6379', prefix: 'e2e123' });
    expect(
      resolveRedis(false, { REDIS_URL: 'redis://127.0.0.1:6379' }),
    ).toBeUndefined();
    expect(() =>
      resolveRedis(undefined, { REDIS_URL: 'http://127.0.0.1:6379' }),
    ).toThrow('REDIS_URL must be a redis:// or rediss:// URL');
    expect(() =>
      resolveRedis(undefined, {
        REDIS_URL: 'redis://127.0.0.1:6379',
        REDIS_QUEUE_PREFIX: 'a:b',
      }),
    ).toThrow('REDIS_QUEUE_PREFIX may only hold letters, digits, _ and -');
  });
});
