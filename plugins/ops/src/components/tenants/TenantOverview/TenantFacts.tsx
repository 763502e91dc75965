import Link from '@material-ui/core/Link';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { TenantEntityV1alpha1 } from '@opsconsole/backstage-plugin-ops-common';
import { TENANT_TIER_LABELS } from '../tenantFormat';
import { FactList } from '../../shared/FactList';
import { TenantStatusChip } from './TenantStatusChip';

/** Tier, status, owner, region and admin contact of a Tenant entity. */
export function TenantFacts(props: {
  entity: TenantEntityV1alpha1;
  tenantId: string;
}) {
  const { entity, tenantId } = props;
  const { spec } = entity;
  const contact = spec.adminContact;
  return (
    <div role="group" aria-label="Catalog facts">
      <FactList breakValues>
        <dt>Tenant id</dt>
        <dd>
          <code>{tenantId}</code>
        </dd>
        <dt>Tier</dt>
        <dd>{TENANT_TIER_LABELS[spec.tier] ?? spec.tier}</dd>
        <dt>Status</dt>
        <dd>
          <TenantStatusChip status={spec.status} />
        </dd>
        <dt>Owner</dt>
        <dd>
          <EntityRefLink entityRef={spec.owner} defaultKind="group" />
        </dd>
        <dt>Region</dt>
        <dd>{spec.region}</dd>
        <dt>Admin contact</dt>
        <dd>
          {contact?.name ? `${contact.name} · ` : ''}
          {contact?.email ? (
            <Link href={`mailto:${contact.email}`}>{contact.email}</Link>
          ) : (
            '–'
          )}
        </dd>
        {spec.system && (
          <>
            <dt>Served by</dt>
            <dd>
              <EntityRefLink entityRef={spec.system} defaultKind="system" />
            </dd>
          </>
        )}
      </FactList>
    </div>
  );
}
