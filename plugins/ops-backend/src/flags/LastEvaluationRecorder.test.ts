import { mockServices } from '@backstage/backend-test-utils';
import { FlagLastEvaluation } from '@opsconsole/backstage-plugin-ops-common';
import { FlagsStore } from './FlagsStore';
import { LastEvaluationRecorder } from './LastEvaluationRecorder';

function fakeStore() {
  const written: FlagLastEvaluation[][] = [];
  let stored: FlagLastEvaluation[] = [];
  let failNext = false;
  const store = {
    upsertLastEvaluations: jest.fn(async (records: FlagLastEvaluation[]) => {
      if (failNext) {
        failNext = false;
        throw new Error('database down');
      }
      written.push(records);
      stored = [...stored, ...records];
    }),
    listLastEvaluations: jest.fn(async () => stored),
  } as unknown as FlagsStore;
  return { store, written, failOnce: () => (failNext = true) };
}

const evaluation = (
  tenantId: string,
  variant: string,
  minute: number,
): FlagLastEvaluation => ({
  flagKey: 'ai-composer',
  tenantId,
  value: variant === 'on',
  variant,
  reason: 'SPLIT',
  time: `2026-11-26T10:${String(minute).padStart(2, '0')}:00.000Z`,
});

describe('LastEvaluationRecorder', () => {
  const logger = mockServices.logger.mock();

  it('coalesces per flag and tenant and writes one batch per flush', async () => {
    const { store, written } = fakeStore();
    const recorder = new LastEvaluationRecorder(store, logger);
    recorder.record(evaluation('acme', 'on', 1));
    recorder.record(evaluation('acme', 'off', 2));
    recorder.record(evaluation('globex', 'on', 2));
    expect(store.upsertLastEvaluations).not.toHaveBeenCalled();
    expect(await recorder.flush()).toBe(2);
    expect(written).toEqual([
      [evaluation('acme', 'off', 2), evaluation('globex', 'on', 2)],
    ]);
    expect(await recorder.flush()).toBe(0);
    expect(written).toHaveLength(1);
  });

  it('shows records not yet written over stored ones', async () => {
    const { store } = fakeStore();
    const recorder = new LastEvaluationRecorder(store, logger);
    recorder.record(evaluation('acme', 'on', 1));
    await recorder.flush();
    recorder.record(evaluation('acme', 'off', 5));
    recorder.record(evaluation('globex', 'on', 5));
    expect(await recorder.list({ tenantId: 'acme' })).toEqual([
      evaluation('acme', 'off', 5),
    ]);
  });

  it('keeps records pending when the write fails, and writes them next time', async () => {
    const { store, written, failOnce } = fakeStore();
    const recorder = new LastEvaluationRecorder(store, logger);
    recorder.record(evaluation('acme', 'on', 1));
    failOnce();
    await expect(recorder.flush()).rejects.toThrow('database down');
    expect(await recorder.list({ tenantId: 'acme' })).toEqual([
      evaluation('acme', 'on', 1),
    ]);
    expect(await recorder.flush()).toBe(1);
    expect(written).toEqual([[evaluation('acme', 'on', 1)]]);
  });

  it('stops taking new flag/tenant pairs past its bound, but updates known ones', async () => {
    const { store, written } = fakeStore();
    const recorder = new LastEvaluationRecorder(store, logger, 2);
    recorder.record(evaluation('a', 'on', 1));
    recorder.record(evaluation('b', 'on', 1));
    recorder.record(evaluation('c', 'on', 1));
    recorder.record(evaluation('a', 'off', 2));
    await recorder.flush();
    expect(written[0]).toEqual([
      evaluation('a', 'off', 2),
      evaluation('b', 'on', 1),
    ]);
  });
});
