import { everyValue } from '../schema/everyValue';
// The ops API's feature-flag resources under the names the code uses; the shapes are
// generated from plugins/ops-backend/src/schema/openapi.yaml.

import type { OpsApiComponents } from '../schema';

type Schemas = OpsApiComponents['schemas'];

/** The type of every variant value of a flag. @public */
export type FlagType = Schemas['FlagType'];

/** @public */
export const FLAG_TYPES = everyValue<FlagType>()([
  'boolean',
  'string',
  'number',
  'object',
] as const);

/** A variant value: boolean, string, number or JSON object, matching the flag's type. @public */
export type FlagValue = Schemas['FlagValue'];

/** OpenFeature reasons the console answers with. @public */
export type FlagEvaluationReason = Schemas['FlagEvaluationReason'];

/** Why a tenant gets the answer it gets, in evaluation order. @public */
export type FlagResolutionWhy = Schemas['FlagResolutionWhy'];

/** @public */
export type Flag = Schemas['Flag'];

/** @public */
export type FlagSummary = Schemas['FlagSummary'];

/** @public */
export type FlagList = Schemas['FlagList'];

/** @public */
export type FlagOverride = Schemas['FlagOverride'];

/** @public */
export type FlagChangeAction = Schemas['FlagChangeAction'];

/** One entry of a flag's change history. @public */
export type FlagChange = Schemas['FlagChange'];

/** @public */
export type FlagDetail = Schemas['FlagDetail'];

/** @public */
export type CreateFlagRequest = Schemas['CreateFlagRequest'];

/** The fields to change; absent fields keep their value. @public */
export type FlagPatch = Schemas['FlagPatch'];

/** @public */
export type UpdateFlagRequest = Schemas['UpdateFlagRequest'];

/** @public */
export type SetFlagOverrideRequest = Schemas['SetFlagOverrideRequest'];

/** A proposed change to preview. @public */
export type FlagPreviewRequest = Schemas['FlagPreviewRequest'];

/** What a tenant gets for a flag and why. @public */
export type FlagResolution = Schemas['FlagResolution'];

/** @public */
export type FlagPreviewChange = Schemas['FlagPreviewChange'];

/** @public */
export type FlagPreview = Schemas['FlagPreview'];

/** The last OFREP answer the console served for a flag to a tenant. @public */
export type FlagLastEvaluation = Schemas['FlagLastEvaluation'];

/** @public */
export type TenantFlagState = Schemas['TenantFlagState'];

/** @public */
export type TenantFlags = Schemas['TenantFlags'];

/** Body of `POST /ofrep/v1/evaluate/flags/{key}` and `POST /ofrep/v1/evaluate/flags`. @public */
export type OfrepEvaluationRequest = Schemas['OfrepEvaluationRequest'];

/** A successful OFREP evaluation of one flag. @public */
export type OfrepEvaluationSuccess = Schemas['OfrepEvaluationSuccess'];

/** A failed OFREP evaluation of one flag. @public */
export type OfrepEvaluationFailure = Schemas['OfrepEvaluationFailure'];

/** Answer of the OFREP bulk evaluation. @public */
export type OfrepBulkEvaluationSuccess = Schemas['OfrepBulkEvaluationSuccess'];

/** A request-level failure of the OFREP bulk evaluation. @public */
export type OfrepBulkEvaluationFailure = Schemas['OfrepBulkEvaluationFailure'];
