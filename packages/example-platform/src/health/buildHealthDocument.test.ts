import { Fault } from '../admin/faultState';
import { buildHealthDocument } from './buildHealthDocument';
import { HealthCheckResult, HealthStatus } from './types';

const NOW = () => new Date('2026-01-01T00:00:00.000Z');

function check(status: HealthStatus, output?: string): HealthCheckResult {
  return {
    componentType: 'system',
    observedValue: 1,
    observedUnit: 'ms',
    status,
    time: NOW().toISOString(),
    ...(output ? { output } : {}),
  };
}

function build(
  checks: Record<string, HealthCheckResult[]>,
  fault?: Partial<Fault>,
) {
  return buildHealthDocument({
    serviceId: 'example-platform-api',
    description: 'test',
    version: '1.2.3',
    releaseId: 'r1',
    checks,
    fault: { mode: 'healthy', since: NOW().toISOString(), ...fault },
    now: NOW,
  });
}

describe('buildHealthDocument', () => {
  it('passes when every check passes', () => {
    const doc = build({ 'a:b': [check('pass')], 'c:d': [check('pass')] });
    expect(doc).toEqual({
      status: 'pass',
      version: '1.2.3',
      releaseId: 'r1',
      serviceId: 'example-platform-api',
      description: 'test',
      checks: { 'a:b': [check('pass')], 'c:d': [check('pass')] },
    });
  });

  it('takes the worst status of all entries and explains it', () => {
    expect(build({ 'a:b': [check('pass'), check('warn', 'hot')] }).status).toBe(
      'warn',
    );
    const doc = build({
      'a:b': [check('warn')],
      'sqlite:responseTime': [check('fail', 'SELECT 1 failed: boom')],
    });
    expect(doc.status).toBe('fail');
    expect(doc.output).toContain(
      'sqlite:responseTime fail: SELECT 1 failed: boom',
    );
  });

  it('raises the status for an injected fault and adds fault:injected', () => {
    const degraded = build({ 'a:b': [check('pass')] }, { mode: 'degraded' });
    expect(degraded.status).toBe('warn');
    expect(degraded.output).toMatch(/^Injected fault 'degraded'/);
    expect(degraded.checks['fault:injected'][0]).toMatchObject({
      status: 'warn',
      observedValue: 'degraded',
      time: NOW().toISOString(),
    });

    expect(build({ 'a:b': [check('warn')] }, { mode: 'failing' }).status).toBe(
      'fail',
    );
  });

  it('never lets a fault hide a real failure', () => {
    const doc = build({ 'a:b': [check('fail', 'down')] }, { mode: 'degraded' });
    expect(doc.status).toBe('fail');
    expect(doc.output).toContain("Injected fault 'degraded'");
    expect(doc.output).toContain('a:b fail: down');
  });

  it('keeps the measured status for slow, recording the delay', () => {
    const doc = build(
      { 'a:b': [check('pass')] },
      { mode: 'slow', delayMs: 250 },
    );
    expect(doc.status).toBe('pass');
    expect(doc.checks['fault:injected'][0]).toMatchObject({
      observedValue: 250,
      observedUnit: 'ms',
      status: 'pass',
    });
  });

  it('does not modify the checks it was given', () => {
    const checks = { 'a:b': [check('pass')] };
    build(checks, { mode: 'failing' });
    expect(Object.keys(checks)).toEqual(['a:b']);
  });
});
