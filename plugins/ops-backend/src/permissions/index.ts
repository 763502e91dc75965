export {
  opsTenantConditions,
  createOpsTenantConditionalDecision,
} from './conditionExports';
export { opsTenantPermissionResourceRef } from './tenantResource';
export { isTenantOwner } from './rules';
