import { screen } from '@testing-library/react';
import { renderTestApp } from '@backstage/frontend-test-utils';
import opsPlugin from '@opsconsole/backstage-plugin-ops/alpha';
import { navModule } from '.';

// The sidebar's own widgets need the search, notifications and user settings
// plugins, which `app.packages: all` installs in the real app.
jest.mock('@backstage/plugin-search', () => ({
  SidebarSearchModal: () => null,
}));
jest.mock('@backstage/plugin-notifications', () => ({
  NotificationsSidebarItem: () => null,
}));
jest.mock('@backstage/plugin-user-settings', () => ({
  UserSettingsSignInAvatar: () => null,
}));

describe('Sidebar', () => {
  it('shows the Ops Console as "Ops"', async () => {
    renderTestApp({ features: [opsPlugin, navModule] });

    const link = await screen.findByRole('link', { name: 'Ops' });
    expect(link).toHaveAttribute('href', '/ops');
    expect(
      screen.queryByRole('link', { name: 'Ops Console' }),
    ).not.toBeInTheDocument();
  });
});
