import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import opsPlugin from '@opsconsole/backstage-plugin-ops/alpha';
import { navModule } from './modules/nav';
import { homeModule } from './modules/home';

// `app.packages: all` also discovers these plugins from package.json; listing
// them here keeps them in the app (and its tests) when discovery is narrowed.
// The same plugin object is only installed once.
export default createApp({
  features: [catalogPlugin, opsPlugin, navModule, homeModule],
});
