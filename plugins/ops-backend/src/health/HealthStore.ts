import {
  HealthCheck,
  HealthStatus,
  SourceStatus,
} from '@opsconsole/backstage-plugin-ops-common';
import { HealthTarget } from '@opsconsole/backstage-plugin-ops-node';
import { ProbeOutcome } from './probeTarget';
import { TargetStats } from './targetStats';

export const HOUR_S = 3600;
export const DAY_S = 86400;

export interface StoredTarget extends HealthTarget {
  providerId: string;
  status: HealthStatus;
  statusSince?: number;
  reason?: string;
  lastProbeAt?: number;
  lastHttpStatus?: number;
  lastLatencyMs?: number;
  checks: HealthCheck[];
  stats?: TargetStats;
}

export interface StoredSample {
  entityRef: string;
  ts: number;
  status: HealthStatus;
  isError: boolean;
  httpStatus?: number;
  latencyMs?: number;
  error?: string;
}

export interface StoredRollup {
  entityRef: string;
  resolutionS: number;
  bucketStart: number;
  samples: number;
  failures: number;
  errors: number;
  latencyCount: number;
  latencySum: number;
  latencyMax: number | null;
  histogram: number[];
}

export interface ProbeRecord {
  entityRef: string;
  outcome: ProbeOutcome;
}

/** Persistence of the health capability. */
export interface HealthStore {
  /** Inserts or updates target descriptions; keeps their probe state. */
  upsertTargets(
    targets: Array<HealthTarget & { providerId: string }>,
    now: number,
  ): Promise<void>;
  /** Removes targets of the given providers that are not in `keep`. */
  removeTargetsExcept(
    providerIds: string[],
    keep: Set<string>,
  ): Promise<number>;
  listTargets(): Promise<StoredTarget[]>;
  getTarget(entityRef: string): Promise<StoredTarget | undefined>;
  /** Stores samples, folds them into hourly and daily rollups and updates target state. */
  recordProbes(records: ProbeRecord[]): Promise<void>;
  saveStats(stats: Map<string, TargetStats>): Promise<void>;
  readRollups(options: {
    resolutionS: number;
    since: number;
    entityRef?: string;
    /** Only these targets (a chunk of the fleet). */
    entityRefs?: string[];
  }): Promise<StoredRollup[]>;
  readSamples(entityRef: string, since: number): Promise<StoredSample[]>;
  recentFailures(entityRef: string, limit: number): Promise<StoredSample[]>;
  setSource(source: SourceStatus): Promise<void>;
  listSources(): Promise<SourceStatus[]>;
  /** Deletes up to `batchSize` samples older than `before`; returns how many. */
  deleteSamplesBefore(before: number, batchSize: number): Promise<number>;
  deleteRollupsBefore(
    resolutionS: number,
    before: number,
    batchSize: number,
  ): Promise<number>;
}
