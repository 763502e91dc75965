import { Header, Page, TabbedLayout } from '@backstage/core-components';
import { InfrastructurePage } from '../InfrastructurePage';

/**
 * The Ops Console (legacy frontend system): a header and one tab per area.
 * Later areas (queues, logs, tenants, flags) are further `TabbedLayout.Route`s.
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
      </TabbedLayout>
    </Page>
  );
}
