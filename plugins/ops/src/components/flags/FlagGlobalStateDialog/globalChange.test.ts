import { aiComposer } from '../../../__testUtils__/flagFixtures';
import {
  describePatch,
  formOf,
  parsePercentage,
  patchOf,
} from './globalChange';

describe('global flag changes', () => {
  it('parses percentages from 0 to 100 only', () => {
    expect(parsePercentage('0')).toBe(0);
    expect(parsePercentage('12.5')).toBe(12.5);
    expect(parsePercentage('100')).toBe(100);
    expect(parsePercentage('101')).toBeUndefined();
    expect(parsePercentage('-1')).toBeUndefined();
    expect(parsePercentage('')).toBeUndefined();
    expect(parsePercentage('1e2')).toBeUndefined();
  });

  it('patches only what changed and says it in words', () => {
    const form = formOf(aiComposer);
    expect(patchOf(aiComposer, form)).toEqual({});
    const patch = patchOf(aiComposer, {
      killSwitch: true,
      rolloutPercentage: '0',
      rolloutVariant: '',
    });
    expect(patch).toEqual({
      killSwitch: true,
      rolloutPercentage: 0,
      rolloutVariant: null,
    });
    expect(describePatch(aiComposer, patch)).toEqual([
      'Kill switch: off → on',
      'Rollout: 50 % → 0 %',
      'Rollout variant: On → none',
    ]);
    // an invalid percentage is left out rather than sent
    expect(patchOf(aiComposer, { ...form, rolloutPercentage: 'abc' })).toEqual(
      {},
    );
  });
});
