import { LoggerService } from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import { createHash } from 'node:crypto';
import { Knex } from 'knex';
import { gzipSync } from 'node:zlib';
import { DatabaseHealthStore } from '../../plugins/ops-backend/src/health/DatabaseHealthStore';
import { readHealthConfig } from '../../plugins/ops-backend/src/health/healthConfig';
import { HealthService } from '../../plugins/ops-backend/src/health/HealthService';
import { median } from './processMeter';

const silent: LoggerService = {
  error() {},
  warn() {},
  info() {},
  debug() {},
  child: () => silent,
};

export interface FleetPhases {
  /** SELECT * FROM ops_health_targets ORDER BY entity_ref, rows only */
  queryMs: number;
  /** HealthStore.listTargets: the query plus JSON.parse of checks_json / stats_json per row */
  listTargetsMs: number;
  /** HealthService.getFleetSummary: listTargets + sources + the mapping to the API shape */
  summaryMs: number;
  /** JSON.stringify of the summary */
  stringifyMs: number;
  /** sha1 ETag of the body */
  etagMs: number;
  /** UTF-8 encoding of the body (what res.send does with the string on every response) */
  encodeMs: number;
  bodyBytes: number;
  /**
   * gzip of the body at zlib's default level, what the production root router's compression
   * middleware does on every response to a client sending Accept-Encoding: gzip (browsers)
   */
  gzipMs: number;
  gzipBytes: number;
}

/**
 * Times the phases of one fleet-summary cache miss, outside the HTTP path, on the same
 * database: the median of `runs` runs of each. The route computes this once per
 * `fleetCacheMs` (2 s) and serves the cached string in between.
 */
export async function measureFleetPhases(
  knex: Knex,
  runs: number,
): Promise<FleetPhases> {
  const store = DatabaseHealthStore.create(knex);
  const service = new HealthService({
    ...readHealthConfig(new ConfigReader({ ops: { health: {} } })),
    store,
    providers: [],
    logger: silent,
  });
  const t: Record<
    keyof Omit<FleetPhases, 'bodyBytes' | 'gzipBytes'>,
    number[]
  > = {
    queryMs: [],
    listTargetsMs: [],
    summaryMs: [],
    stringifyMs: [],
    etagMs: [],
    encodeMs: [],
    gzipMs: [],
  };
  let bodyBytes = 0;
  let gzipBytes = 0;
  for (let i = 0; i < runs; i++) {
    let t0 = performance.now();
    await knex('ops_health_targets').select().orderBy('entity_ref');
    t.queryMs.push(performance.now() - t0);

    t0 = performance.now();
    await store.listTargets();
    t.listTargetsMs.push(performance.now() - t0);

    t0 = performance.now();
    const summary = await service.getFleetSummary();
    t.summaryMs.push(performance.now() - t0);

    t0 = performance.now();
    const body = JSON.stringify(summary);
    t.stringifyMs.push(performance.now() - t0);

    t0 = performance.now();
    createHash('sha1').update(body).digest('base64url');
    t.etagMs.push(performance.now() - t0);

    t0 = performance.now();
    const buffer = Buffer.from(body, 'utf8');
    t.encodeMs.push(performance.now() - t0);
    bodyBytes = buffer.length;

    t0 = performance.now();
    gzipBytes = gzipSync(buffer).length;
    t.gzipMs.push(performance.now() - t0);
  }
  return {
    queryMs: median(t.queryMs),
    listTargetsMs: median(t.listTargetsMs),
    summaryMs: median(t.summaryMs),
    stringifyMs: median(t.stringifyMs),
    etagMs: median(t.etagMs),
    encodeMs: median(t.encodeMs),
    bodyBytes,
    gzipMs: median(t.gzipMs),
    gzipBytes,
  };
}
