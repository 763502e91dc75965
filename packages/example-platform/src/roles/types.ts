import { Router } from 'express';
import { FaultRegistry } from '../admin/faultRoutes';
import { DeliverabilityRepository } from '../db/DeliverabilityRepository';
import { DirectoryRepository } from '../db/DirectoryRepository';
import { FeatureEvaluationRepository } from '../db/FeatureEvaluationRepository';
import { CompromiseSimulator } from '../compromise/CompromiseSimulator';
import { PlatformRepository } from '../db/repository';
import { TenantFeatures } from '../features/TenantFeatures';
import { EventLoopDelaySampler } from '../health/eventLoopSampler';
import { HealthThresholds } from '../health/types';
import { PlatformLogger } from '../logger';
import { OutboundQueue } from '../queue/types';
import { RoleLoggers } from '../telemetry/roleLoggers';
import { RandomSource } from '../traffic/random';
import { TrafficOptions } from '../traffic/options';
import { RoleName } from './roleNames';

/** Everything a role needs, shared by the roles running in one process. */
export interface RoleContext {
  repository: PlatformRepository;
  directory: DirectoryRepository;
  deliverability: DeliverabilityRepository;
  featureEvaluations: FeatureEvaluationRepository;
  /** The tenants' outbound mail queues (BullMQ with Redis, else SQLite). */
  queue: OutboundQueue;
  /** Simulated compromises of tenants (api role). */
  compromise: CompromiseSimulator;
  /** Feature flags of tenants, evaluated through OpenFeature. */
  features: TenantFeatures;
  /** Bearer token of the Platform Admin API. */
  apiToken: string;
  faults: FaultRegistry;
  sampler: EventLoopDelaySampler;
  thresholds: HealthThresholds;
  version: string;
  releaseId: string;
  adminToken?: string;
  /** Undefined when traffic is off. */
  traffic?: TrafficOptions;
  random: RandomSource;
  /**
   * In a role's own context (what its routes and traffic get): that role's
   * logger. In the shared context: the first role's.
   */
  logger: PlatformLogger;
  /** The logger of each role in this process (console, plus OTLP when on). */
  roleLoggers: RoleLoggers;
}

/** Something started in the background that must be stopped on close. */
export interface Stoppable {
  stop(): Promise<void>;
}

/** What makes one role different from the others. */
export interface RoleDefinition {
  name: RoleName;
  description: string;
  /** Whether health includes `queue:backlog`. */
  reportsQueue: boolean;
  /** Whether `/admin/roles/:role/fault` is served (faults for other roles). */
  crossRoleAdmin: boolean;
  /** Extra routes mounted at `/`. */
  routes?(context: RoleContext): Router;
  /** Background work (traffic); only called when traffic is on. */
  startTraffic?(context: RoleContext, traffic: TrafficOptions): Stoppable[];
}

/** A role listening on its port. */
export interface RunningRole {
  name: RoleName;
  port: number;
  url: string;
  close(): Promise<void>;
}
