import { Fault } from '../admin/faultState';
import { worstStatus } from './status';
import { HealthCheckResult, HealthDocument, HealthStatus } from './types';

/** Media type of health documents (draft-inadarei-api-health-check). */
export const HEALTH_CONTENT_TYPE = 'application/health+json';

/** Everything needed to build one health document. */
export interface HealthDocumentInput {
  serviceId: string;
  description: string;
  version: string;
  releaseId: string;
  checks: Record<string, HealthCheckResult[]>;
  fault: Fault;
  now?: () => Date;
}

const FAULT_STATUS: Record<Fault['mode'], HealthStatus> = {
  healthy: 'pass',
  degraded: 'warn',
  failing: 'fail',
  slow: 'pass',
};

function describeFault(fault: Fault): string {
  if (fault.mode === 'slow') {
    return `Injected fault 'slow' since ${fault.since}: health responses are delayed by ${fault.delayMs} ms`;
  }
  return `Injected fault '${fault.mode}' since ${fault.since} (injected through the admin API); the measured checks are listed unchanged`;
}

function describeProblems(checks: Record<string, HealthCheckResult[]>) {
  const problems: string[] = [];
  for (const [key, results] of Object.entries(checks)) {
    for (const result of results) {
      if (result.status !== 'pass') {
        const id = result.componentId ? ` (${result.componentId})` : '';
        problems.push(
          `${key}${id} ${result.status}: ${
            result.output ?? String(result.observedValue)
          }`,
        );
      }
    }
  }
  return problems.join('; ');
}

/**
 * Builds the health document: overall status is the worst of the measured
 * checks, raised by an injected fault (a fault never hides a real failure).
 */
export function buildHealthDocument(
  input: HealthDocumentInput,
): HealthDocument {
  const now = input.now ?? (() => new Date());
  const checks: Record<string, HealthCheckResult[]> = { ...input.checks };
  const measured = worstStatus(
    Object.values(checks).flatMap(results => results.map(r => r.status)),
  );

  let status = measured;
  let output = measured === 'pass' ? undefined : describeProblems(checks);

  if (input.fault.mode !== 'healthy') {
    const faultStatus = FAULT_STATUS[input.fault.mode];
    const description = describeFault(input.fault);
    checks['fault:injected'] = [
      {
        componentId: input.fault.mode,
        componentType: 'component',
        observedValue:
          input.fault.mode === 'slow'
            ? input.fault.delayMs ?? 0
            : input.fault.mode,
        observedUnit: input.fault.mode === 'slow' ? 'ms' : 'mode',
        status: faultStatus,
        time: now().toISOString(),
        output: description,
      },
    ];
    status = worstStatus([measured, faultStatus]);
    output = output ? `${description}; ${output}` : description;
  }

  return {
    status,
    version: input.version,
    releaseId: input.releaseId,
    serviceId: input.serviceId,
    description: input.description,
    ...(output ? { output } : {}),
    checks,
  };
}
