/**
 * The Ops Console backend plugin: infrastructure health, audit trail and the ops API.
 *
 * @packageDocumentation
 */
export { opsPlugin as default } from './plugin';
export {
  opsSelfLogSinkServiceRef,
  SelfLogSink,
  type SelfLogSinkOptions,
} from './logs/selfIngest';
export {
  opsTenantConditions,
  createOpsTenantConditionalDecision,
  opsTenantPermissionResourceRef,
  isTenantOwner,
} from './permissions';
