import Box from '@material-ui/core/Box';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import { useSearchParams } from 'react-router-dom';
import { EmptyState } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  TENANT_API_VERSION,
  TENANT_KIND,
  TenantEntityV1alpha1,
  getTenantPlatformId,
  isTenantEntity,
} from '@opsconsole/backstage-plugin-ops-common';
import { logFieldQuery } from '../../logs/logQueries';
import { LogsView } from '../../logs/LogsView';
import { TenantFeatures } from '../../flags/TenantFeatures';
import { TenantOverview } from '../TenantOverview';
import { TenantQueues } from '../../queues/TenantQueues';
import { TenantTimeline } from '../TenantTimeline';
import { TenantUsers } from '../../users/TenantUsers';

/**
 * The sections of the tenant tab, selected by `?section=`; the first (queues:
 * where a spam spike is handled) is the default.
 */
export const TENANT_SECTIONS = [
  { id: 'queues', label: 'Queues' },
  { id: 'overview', label: 'Overview' },
  { id: 'features', label: 'Features' },
  { id: 'users', label: 'Users' },
  { id: 'logs', label: 'Logs' },
  { id: 'timeline', label: 'Timeline' },
] as const;

type SectionId = (typeof TENANT_SECTIONS)[number]['id'];

function TenantOpsView(props: { entity: TenantEntityV1alpha1 }) {
  const { entity } = props;
  const tenantId = getTenantPlatformId(entity);
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = searchParams.get('section');
  const section: SectionId =
    TENANT_SECTIONS.find(candidate => candidate.id === requested)?.id ??
    TENANT_SECTIONS[0].id;

  const select = (id: SectionId) =>
    setSearchParams(
      previous => {
        const next = new URLSearchParams(previous);
        next.set('section', id);
        return next;
      },
      { replace: true },
    );

  return (
    <>
      <Box mb={2}>
        <Tabs
          value={section}
          onChange={(_event, id: SectionId) => select(id)}
          indicatorColor="primary"
          textColor="primary"
          aria-label="Tenant sections"
        >
          {TENANT_SECTIONS.map(candidate => (
            <Tab
              key={candidate.id}
              value={candidate.id}
              label={candidate.label}
              id={`ops-tenant-tab-${candidate.id}`}
              aria-controls={`ops-tenant-section-${candidate.id}`}
            />
          ))}
        </Tabs>
      </Box>
      <div
        role="tabpanel"
        id={`ops-tenant-section-${section}`}
        aria-labelledby={`ops-tenant-tab-${section}`}
      >
        {section === 'queues' && <TenantQueues tenantId={tenantId} />}
        {section === 'overview' && (
          <TenantOverview entity={entity} tenantId={tenantId} />
        )}
        {section === 'features' && <TenantFeatures tenantId={tenantId} />}
        {section === 'users' && <TenantUsers tenantId={tenantId} />}
        {section === 'logs' && (
          <LogsView scope={logFieldQuery('tenant', tenantId)} />
        )}
        {section === 'timeline' && <TenantTimeline tenantId={tenantId} />}
      </div>
    </>
  );
}

/**
 * The tenant management tab of a Tenant entity (kind `Tenant`, apiVersion
 * `opsconsole.io/v1alpha1`): queues (spike alerts, emergency pause, samples,
 * notices), overview with deliverability charts, features
 * (flags) with the override editor, users, the tenant's logs and a timeline
 * of changes.
 *
 * @public
 */
export function EntityTenantOpsContent() {
  const { entity } = useEntity();
  if (!isTenantEntity(entity)) {
    return (
      <EmptyState
        missing="info"
        title="Not a tenant"
        description={`This tab is for entities of kind ${TENANT_KIND} (apiVersion ${TENANT_API_VERSION}); this one is a ${entity.kind}.`}
      />
    );
  }
  return <TenantOpsView entity={entity} />;
}
