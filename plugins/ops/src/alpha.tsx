/**
 * The Ops Console for Backstage's new frontend system:
 * `import opsPlugin from '@opsconsole/backstage-plugin-ops/alpha'`.
 *
 * @packageDocumentation
 */
import { opsPlugin } from './alpha/plugin';

export default opsPlugin;
export { isOpsHealthAvailable } from './isOpsHealthAvailable';
