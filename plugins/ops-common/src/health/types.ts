// Types of the ops API's health and audit resources. They mirror
// plugins/ops-backend/src/schema/openapi.yaml (the contract); the backend's generated
// models are checked against them at compile time (see ops-backend src/router.ts).

/** @public */
export type HealthStatus =
  | 'pass'
  | 'warn'
  | 'fail'
  | 'unknown'
  | 'misconfigured';

/** @public */
export const HEALTH_RANGES = ['1h', '24h', '7d', '30d'] as const;

/** @public */
export type HealthRange = (typeof HEALTH_RANGES)[number];

/** @public */
export interface SourceStatus {
  id: string;
  status: 'ok' | 'degraded' | 'unavailable';
  error?: string;
  updatedAt?: string;
}

/** @public */
export interface HealthCheck {
  name: string;
  componentId?: string;
  componentType?: string;
  status: string;
  observedValue?: unknown;
  observedUnit?: string;
  output?: string;
  time?: string;
}

/** @public */
export interface WindowStats {
  samples: number;
  uptime: number | null;
  errorRate: number | null;
}

/** @public */
export interface TargetSummary {
  entityRef: string;
  title: string;
  kind: string;
  owner?: string;
  system?: string;
  url: string;
  status: HealthStatus;
  statusSince?: string;
  reason?: string;
  lastProbeAt?: string;
  lastHttpStatus?: number;
  lastLatencyMs?: number;
  latencyP50Ms?: number | null;
  latencyP95Ms?: number | null;
  windows: Record<'24h' | '7d' | '30d', WindowStats>;
  failingChecks: HealthCheck[];
  uptimeBars: Array<number | null>;
}

/** @public */
export interface FleetSummary {
  generatedAt: string;
  targets: TargetSummary[];
  sources: SourceStatus[];
}

/** @public */
export interface ProbeFailure {
  time: string;
  status: HealthStatus;
  httpStatus?: number;
  latencyMs?: number;
  error?: string;
}

/** @public */
export interface EntityHealth {
  target: TargetSummary;
  checks: HealthCheck[];
  recentFailures: ProbeFailure[];
  sources: SourceStatus[];
}

/** @public */
export interface HistoryBucket {
  start: string;
  samples: number;
  failures: number;
  uptime?: number | null;
  latencyP50Ms?: number | null;
  latencyP95Ms?: number | null;
  latencyMaxMs?: number | null;
}

/** @public */
export interface EntityHistory {
  entityRef: string;
  range: HealthRange;
  bucketSeconds: number;
  buckets: HistoryBucket[];
  sources: SourceStatus[];
}

/** @public */
export interface ProbeResult {
  entityRef: string;
  status: HealthStatus;
  time: string;
  httpStatus?: number;
  latencyMs?: number;
  error?: string;
  checks?: HealthCheck[];
}

/** @public */
export interface AuditEvent {
  id: string;
  time: string;
  actor: string;
  action: string;
  targetRef?: string;
  outcome: 'success' | 'failure';
  details?: Record<string, unknown>;
}
