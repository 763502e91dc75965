import {
  aiComposer,
  bounceRetryLimit,
  editorTheme,
  makeFlag,
} from '../../__testUtils__/flagFixtures';
import {
  describeGlobalState,
  describeResolution,
  formatFlagValue,
  hasRollout,
  orderedVariants,
  variantLabel,
} from './flagFormat';

describe('flag helpers', () => {
  it('formats values: on/off for booleans, JSON for objects', () => {
    expect(formatFlagValue(true)).toBe('on');
    expect(formatFlagValue(false)).toBe('off');
    expect(formatFlagValue(5)).toBe('5');
    expect(formatFlagValue({ keyBits: 2048 })).toBe('{"keyBits":2048}');
    expect(formatFlagValue(undefined)).toBe('–');
  });

  it('labels variants On/Off for boolean flags whatever their names', () => {
    const flag = makeFlag({ variants: { enabled: true, disabled: false } });
    expect(variantLabel(flag, 'enabled')).toBe('On');
    expect(variantLabel(flag, 'disabled')).toBe('Off');
    expect(
      orderedVariants(makeFlag({ variants: { off: false, on: true } })),
    ).toEqual(['on', 'off']);
    expect(variantLabel(editorTheme, 'blocks')).toBe('blocks');
    expect(variantLabel(bounceRetryLimit, 'high')).toBe('high (10)');
    expect(variantLabel(bounceRetryLimit, 'toString')).toBe(
      'toString (no such variant)',
    );
  });

  it('describes the global state: kill switch, rollout or default', () => {
    expect(describeGlobalState(aiComposer)).toBe('50 % get On, the rest Off');
    expect(describeGlobalState(bounceRetryLimit)).toBe(
      'Kill switch on: everyone gets standard (5)',
    );
    expect(describeGlobalState(makeFlag({ rolloutPercentage: 0 }))).toBe(
      'Everyone gets Off',
    );
    expect(hasRollout(makeFlag({ rolloutVariant: 'constructor' }))).toBe(false);
  });

  it('explains why a tenant gets its answer', () => {
    expect(
      describeResolution(
        aiComposer,
        {
          value: false,
          variant: 'off',
          reason: 'TARGETING_MATCH',
          why: 'override',
        },
        {
          flagKey: 'ai-composer',
          tenantId: 'acme',
          variant: 'off',
          reason: 'Breaks their workflow',
          actor: 'user:default/jane',
          updatedAt: '2026-11-25T10:00:00Z',
        },
      ),
    ).toBe('Overridden for this tenant: Breaks their workflow');
    expect(
      describeResolution(aiComposer, {
        value: true,
        variant: 'on',
        reason: 'SPLIT',
        why: 'rollout',
        bucket: 12.5,
      }),
    ).toBe('Rollout 50 %: bucket 12.50 is inside the rollout');
    expect(
      describeResolution(aiComposer, {
        value: false,
        variant: 'off',
        reason: 'SPLIT',
        why: 'rollout',
        bucket: 73,
      }),
    ).toBe('Rollout 50 %: bucket 73 is outside the rollout');
    expect(
      describeResolution(bounceRetryLimit, {
        value: 5,
        reason: 'DISABLED',
        why: 'kill-switch',
      }),
    ).toBe('The kill switch is on: every tenant gets the default');
    expect(
      describeResolution(aiComposer, {
        reason: 'ERROR',
        why: 'error',
        errorCode: 'TARGETING_KEY_MISSING',
        errorDetails: 'no tenantId',
      }),
    ).toBe('TARGETING_KEY_MISSING: no tenantId');
  });
});
