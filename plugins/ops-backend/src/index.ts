/**
 * The Ops Console backend plugin: infrastructure health, audit trail and the ops API.
 *
 * @packageDocumentation
 */
export { opsPlugin as default } from './plugin';
export {
  opsTenantConditions,
  createOpsTenantConditionalDecision,
  opsTenantPermissionResourceRef,
  isTenantOwner,
} from './permissions';
