import { booleanFlag } from './__testUtils__/flagFixtures';
import { answerChanged, bucketOf, evaluateFlag } from './evaluateFlag';

/** A tenant id inside (or outside) the 50 % rollout of `ai-composer`. */
function tenantWhere(inside: boolean, percentage = 50): string {
  for (let i = 0; ; i++) {
    const id = `tenant-${i}`;
    if (bucketOf('ai-composer', id) < percentage === inside) return id;
  }
}

describe('evaluateFlag', () => {
  const inside = tenantWhere(true);
  const outside = tenantWhere(false);

  describe('evaluation order: override > kill switch > rollout > default', () => {
    it('serves a tenant override first, even over the kill switch', () => {
      const flag = booleanFlag({ killSwitch: true });
      expect(evaluateFlag(flag, 'on', { tenantId: outside })).toEqual({
        value: true,
        variant: 'on',
        reason: 'TARGETING_MATCH',
        why: 'override',
      });
    });

    it('an override to the default variant beats a rollout that would serve on', () => {
      expect(
        evaluateFlag(booleanFlag(), 'off', { tenantId: inside }),
      ).toMatchObject({ value: false, reason: 'TARGETING_MATCH' });
    });

    it('ignores an override naming a variant the flag does not have', () => {
      expect(
        evaluateFlag(booleanFlag(), 'gone', { tenantId: inside }),
      ).toMatchObject({ variant: 'on', reason: 'SPLIT' });
      expect(
        evaluateFlag(booleanFlag(), 'toString', { tenantId: inside }),
      ).toMatchObject({ variant: 'on', reason: 'SPLIT' });
    });

    it('the kill switch serves the default variant to everyone without an override', () => {
      const flag = booleanFlag({ killSwitch: true, rolloutPercentage: 100 });
      expect(evaluateFlag(flag, undefined, { tenantId: inside })).toEqual({
        value: false,
        variant: 'off',
        reason: 'DISABLED',
        why: 'kill-switch',
      });
    });

    it('the rollout bucket decides inside and outside the rollout', () => {
      const flag = booleanFlag();
      expect(evaluateFlag(flag, undefined, { tenantId: inside })).toEqual({
        value: true,
        variant: 'on',
        reason: 'SPLIT',
        why: 'rollout',
        bucket: bucketOf('ai-composer', inside),
      });
      expect(
        evaluateFlag(flag, undefined, { tenantId: outside }),
      ).toMatchObject({ value: false, variant: 'off', reason: 'SPLIT' });
    });

    it('without a rollout serves the default variant statically', () => {
      for (const flag of [
        booleanFlag({ rolloutPercentage: 0 }),
        booleanFlag({ rolloutVariant: null }),
      ]) {
        expect(evaluateFlag(flag, undefined, {})).toEqual({
          value: false,
          variant: 'off',
          reason: 'STATIC',
          why: 'default',
        });
      }
    });
  });

  it('buckets by the flag’s bucketBy attribute', () => {
    const flag = booleanFlag({ bucketBy: 'targetingKey' });
    expect(
      evaluateFlag(flag, undefined, {
        targetingKey: inside,
        tenantId: outside,
      }),
    ).toMatchObject({ variant: 'on' });
  });

  it('reports TARGETING_KEY_MISSING for a partial rollout without a bucketing value', () => {
    expect(
      evaluateFlag(booleanFlag(), undefined, { targetingKey: 'user-1' }),
    ).toMatchObject({
      reason: 'ERROR',
      errorCode: 'TARGETING_KEY_MISSING',
      errorDetails: expect.stringContaining("'tenantId'"),
    });
    expect(
      evaluateFlag(booleanFlag({ rolloutPercentage: 100 }), undefined, {}),
    ).toMatchObject({ variant: 'on', reason: 'SPLIT' });
  });

  describe('bucketing', () => {
    it('is stable: the same inputs give the same bucket, a known value for a known input', () => {
      // pinned (sha1 of "ai-composer/acme", checked independently): a change of hash would
      // silently move tenants in or out of every rollout
      expect(bucketOf('ai-composer', 'acme')).toBe(
        bucketOf('ai-composer', 'acme'),
      );
      expect(bucketOf('ai-composer', 'acme')).toBe(31.27);
      expect(bucketOf('other-flag', 'acme')).not.toBe(
        bucketOf('ai-composer', 'acme'),
      );
    });

    it('gives the same answers across fresh evaluations of equal flags', () => {
      const a = booleanFlag();
      const b = JSON.parse(JSON.stringify(a));
      for (let i = 0; i < 200; i++) {
        expect(evaluateFlag(b, undefined, { tenantId: `t${i}` })).toEqual(
          evaluateFlag(a, undefined, { tenantId: `t${i}` }),
        );
      }
    });

    it.each([1, 10, 25, 50, 90])(
      'honours a %p %% rollout within 1.5 points over 10,000 tenants',
      percentage => {
        const flag = booleanFlag({ rolloutPercentage: percentage });
        let on = 0;
        for (let i = 0; i < 10_000; i++) {
          if (
            evaluateFlag(flag, undefined, { tenantId: `tenant-${i}` }).value
          ) {
            on += 1;
          }
        }
        expect(Math.abs(on / 100 - percentage)).toBeLessThan(1.5);
      },
    );

    it('only adds tenants when a rollout grows', () => {
      const at = (p: number) =>
        new Set(
          Array.from({ length: 2000 }, (_, i) => `t${i}`).filter(
            t =>
              evaluateFlag(booleanFlag({ rolloutPercentage: p }), undefined, {
                tenantId: t,
              }).value,
          ),
        );
      const small = at(20);
      const large = at(60);
      expect([...small].every(t => large.has(t))).toBe(true);
      expect(large.size).toBeGreaterThan(small.size);
    });
  });

  it('answerChanged compares value, variant and error', () => {
    const on = evaluateFlag(booleanFlag(), 'on', {});
    const off = evaluateFlag(booleanFlag(), 'off', {});
    expect(answerChanged(on, off)).toBe(true);
    expect(answerChanged(on, { ...on, reason: 'SPLIT', why: 'rollout' })).toBe(
      false,
    );
  });
});
