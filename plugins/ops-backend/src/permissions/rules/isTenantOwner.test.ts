import { Entity } from '@backstage/catalog-model';
import { JsonObject } from '@backstage/types';
import { isTenantOwner } from './isTenantOwner';

const tenant = (spec: JsonObject, relations?: Entity['relations']): Entity => ({
  apiVersion: 'opsconsole.io/v1alpha1',
  kind: 'Tenant',
  metadata: { name: 'acme', namespace: 'default' },
  spec,
  relations,
});

describe('IS_TENANT_OWNER', () => {
  it.each([
    ['shorthand owner', tenant({ owner: 'team-acme' }), true],
    ['full owner ref', tenant({ owner: 'group:default/team-acme' }), true],
    ['owner in other case', tenant({ owner: 'group:default/Team-Acme' }), true],
    ['another owner', tenant({ owner: 'team-globex' }), false],
    ['no owner', tenant({}), false],
    [
      'an ownedBy relation',
      tenant({ owner: 'team-globex' }, [
        { type: 'ownedBy', targetRef: 'group:default/team-acme' },
      ]),
      true,
    ],
    [
      'another relation type',
      tenant({}, [{ type: 'dependsOn', targetRef: 'group:default/team-acme' }]),
      false,
    ],
  ] as Array<[string, Entity, boolean]>)('%s', (_name, entity, expected) => {
    expect(
      isTenantOwner.apply(entity, {
        claims: ['user:default/owner', 'group:default/team-acme'],
      }),
    ).toBe(expected);
  });

  it('translates to a catalog-style owner filter', () => {
    expect(isTenantOwner.toQuery({ claims: ['group:default/a'] })).toEqual({
      key: 'spec.owner',
      values: ['group:default/a'],
    });
  });
});
