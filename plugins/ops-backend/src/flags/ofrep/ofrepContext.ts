import { OfrepEvaluationFailure } from '@opsconsole/backstage-plugin-ops-common';
import { EvaluationContext } from '../evaluateFlag';

/** OFREP error codes of request-level failures (the request, not a flag, is at fault). */
export type OfrepRequestErrorCode = Extract<
  OfrepEvaluationFailure['errorCode'],
  'PARSE_ERROR' | 'INVALID_CONTEXT'
>;

export type ParsedOfrepRequest =
  | { context: EvaluationContext }
  | { errorCode: OfrepRequestErrorCode; errorDetails: string };

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Parses an OFREP request body `{ context: { targetingKey?, tenantId?, ... } }`. An empty
 * body is an empty context. Not JSON, or not a JSON object → PARSE_ERROR; a context that
 * is not an object, or a `targetingKey` / `tenantId` that is not a string →
 * INVALID_CONTEXT.
 */
export function parseOfrepRequest(body: string): ParsedOfrepRequest {
  if (body.trim() === '') return { context: {} };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    return {
      errorCode: 'PARSE_ERROR',
      errorDetails: `The request body is not JSON: ${(error as Error).message}`,
    };
  }
  if (!isPlainObject(parsed)) {
    return {
      errorCode: 'PARSE_ERROR',
      errorDetails:
        'The request body must be a JSON object { "context": { ... } }',
    };
  }
  const context = parsed.context ?? {};
  if (!isPlainObject(context)) {
    return {
      errorCode: 'INVALID_CONTEXT',
      errorDetails: 'context must be an object',
    };
  }
  for (const attribute of ['targetingKey', 'tenantId']) {
    const value = context[attribute];
    if (value !== undefined && typeof value !== 'string') {
      return {
        errorCode: 'INVALID_CONTEXT',
        errorDetails: `context.${attribute} must be a string, got ${JSON.stringify(
          value,
        )}`,
      };
    }
  }
  return { context };
}
