import {
  OfrepBulkEvaluationFailure,
  OfrepEvaluationFailure,
  OfrepEvaluationSuccess,
} from '@opsconsole/backstage-plugin-ops-common';
import { KeyedResolution } from '../FlagEvaluator';

/** A failure of the whole request (no flag key), as the bulk route and the 500 answer send it. */
export type OfrepRequestFailure = OfrepBulkEvaluationFailure;

/** OFREP body and HTTP status of one flag's evaluation. */
export function toOfrep({ key, resolution }: KeyedResolution): {
  status: number;
  body: OfrepEvaluationSuccess | OfrepEvaluationFailure;
} {
  if (!resolution) {
    return {
      status: 404,
      body: {
        key,
        errorCode: 'FLAG_NOT_FOUND',
        errorDetails: `No flag '${key}' is served (unknown or archived)`,
      },
    };
  }
  if (resolution.errorCode) {
    return {
      status: 400,
      body: {
        key,
        errorCode: resolution.errorCode,
        errorDetails: resolution.errorDetails ?? resolution.errorCode,
      },
    };
  }
  return {
    status: 200,
    body: {
      key,
      value: resolution.value!,
      reason: resolution.reason,
      variant: resolution.variant!,
      metadata: {},
    },
  };
}
