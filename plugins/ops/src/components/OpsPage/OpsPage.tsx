import { Header, Page, TabbedLayout } from '@backstage/core-components';
import { FlagsPage } from '../flags/FlagsPage';
import { InfrastructurePage } from '../infrastructure/InfrastructurePage';
import { LogsPage } from '../logs/LogsPage';
import { QueuesPage } from '../queues/QueuesPage';
import { TenantsPage } from '../tenants/TenantsPage';
import { UsersPage } from '../users/UsersPage';

/**
 * The Ops Console (legacy frontend system): a header and one tab per area.
 * The tab paths match the sub-pages of the new frontend system (and the
 * route refs in `routes.ts`).
 *
 * @public
 */
export function OpsPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Ops Console"
        subtitle="Health and operations of the mail platform"
      />
      <TabbedLayout>
        <TabbedLayout.Route path="/infrastructure" title="Infrastructure">
          <InfrastructurePage />
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/queues" title="Queues">
          <QueuesPage />
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/tenants" title="Tenants">
          <TenantsPage />
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/flags" title="Flags">
          <FlagsPage />
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/users" title="Users">
          <UsersPage />
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/logs" title="Logs">
          <LogsPage />
        </TabbedLayout.Route>
      </TabbedLayout>
    </Page>
  );
}
