import { Entity } from '@backstage/catalog-model';
import { isOpsHealthAvailable } from './isOpsHealthAvailable';

const entity = (annotations?: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'mail-api', annotations },
});

describe('isOpsHealthAvailable', () => {
  it('is true when the health-url annotation is set', () => {
    expect(
      isOpsHealthAvailable(
        entity({ 'opsconsole.io/health-url': 'http://mail-api/health' }),
      ),
    ).toBe(true);
  });

  it('is false without the annotation or with an empty value', () => {
    expect(isOpsHealthAvailable(entity())).toBe(false);
    expect(isOpsHealthAvailable(entity({ 'other/annotation': 'x' }))).toBe(
      false,
    );
    expect(
      isOpsHealthAvailable(entity({ 'opsconsole.io/health-url': '' })),
    ).toBe(false);
  });
});
