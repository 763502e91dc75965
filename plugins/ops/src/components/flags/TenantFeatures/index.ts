export { TenantFeatures } from './TenantFeatures';
