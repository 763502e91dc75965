import { KeyedResolution } from '../FlagEvaluator';

/** A successful OFREP evaluation. */
export interface OfrepSuccess {
  key: string;
  value: unknown;
  reason: string;
  variant: string;
  metadata: Record<string, string | number | boolean>;
}

/** A failed OFREP evaluation (with `key` for flag-level failures). */
export interface OfrepFailure {
  key?: string;
  errorCode: string;
  errorDetails: string;
}

/** OFREP body and HTTP status of one flag's evaluation. */
export function toOfrep({ key, resolution }: KeyedResolution): {
  status: number;
  body: OfrepSuccess | OfrepFailure;
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
      value: resolution.value,
      reason: resolution.reason,
      variant: resolution.variant!,
      metadata: {},
    },
  };
}
