import { AuditEvent } from '@opsconsole/backstage-plugin-ops-common';
import { actionLabel, describeEvent, eventReason } from './describeEvent';

const event = (overrides: Partial<AuditEvent>): AuditEvent => ({
  id: '1',
  time: '2026-11-25T10:40:00Z',
  actor: 'user:default/jane',
  action: 'flag-override-set',
  outcome: 'success',
  ...overrides,
});

describe('timeline events', () => {
  it('labels known and unknown actions', () => {
    expect(actionLabel('flag-override-set')).toBe('Flag override set');
    expect(actionLabel('user-pii-reveal')).toBe('Personal data revealed');
    expect(actionLabel('queue-drain_now')).toBe('Queue drain now');
  });

  it('describes override changes from their before/after', () => {
    expect(
      describeEvent(
        event({
          details: {
            flagKey: 'ai-composer',
            before: null,
            after: { variant: 'off' },
          },
        }),
      ),
    ).toBe('ai-composer: no override → off');
    expect(
      describeEvent(
        event({
          details: {
            flagKey: 'ai-composer',
            before: { variant: 'on' },
            after: { variant: 'off' },
          },
        }),
      ),
    ).toBe('ai-composer: on → off');
    // a failed change has no after: the requested variant
    expect(
      describeEvent(
        event({ details: { flagKey: 'ai-composer', variant: 'off' } }),
      ),
    ).toBe('ai-composer: no override → off');
    expect(
      describeEvent(
        event({
          action: 'flag-override-remove',
          details: {
            flagKey: 'ai-composer',
            before: { variant: 'off' },
            after: null,
          },
        }),
      ),
    ).toBe('ai-composer: off → no override');
    expect(
      describeEvent(event({ action: 'user-pii-reveal', details: {} })),
    ).toBe('');
  });

  it('reads the reason', () => {
    expect(eventReason(event({ details: { reason: 'incident 42' } }))).toBe(
      'incident 42',
    );
    expect(eventReason(event({ details: { reason: 7 } }))).toBeUndefined();
    expect(eventReason(event({}))).toBeUndefined();
  });
});
