import { randomBytes } from 'node:crypto';
import { OutboundEmail } from '../queue/types';

/** Ids that tie a log record to a trace (W3C trace context, lowercase hex). */
export interface TraceIds {
  /** 16 bytes, 32 hex characters. */
  traceId: string;
  /** 8 bytes, 16 hex characters. */
  spanId: string;
}

/** A random trace id and span id. */
export function newTraceIds(): TraceIds {
  return {
    traceId: randomBytes(16).toString('hex'),
    spanId: randomBytes(8).toString('hex'),
  };
}

/** Header carrying the trace of an email from the api role to the worker. */
export const TRACEPARENT_HEADER = 'traceparent';

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$/;

/** `00-<traceId>-<spanId>-01` (sampled). */
export function formatTraceparent(ids: TraceIds): string {
  return `00-${ids.traceId}-${ids.spanId}-01`;
}

/** The ids of a `traceparent` value, or undefined when it is not one. */
export function parseTraceparent(
  value: string | undefined,
): TraceIds | undefined {
  const match = TRACEPARENT.exec(value?.trim().toLowerCase() ?? '');
  return match && !/^0+$/.test(match[1]) && !/^0+$/.test(match[2])
    ? { traceId: match[1], spanId: match[2] }
    : undefined;
}

/**
 * The email with a `traceparent` header of its own (a new trace per mail
 * job) unless it already has one.
 */
export function withTraceparent(email: OutboundEmail): OutboundEmail {
  if (parseTraceparent(email.headers?.[TRACEPARENT_HEADER])) {
    return email;
  }
  return {
    ...email,
    headers: {
      ...email.headers,
      [TRACEPARENT_HEADER]: formatTraceparent(newTraceIds()),
    },
  };
}

/** The trace of a mail job: its `traceparent` header, else a new one. */
export function traceIdsOfEmail(email: OutboundEmail): TraceIds {
  return parseTraceparent(email.headers?.[TRACEPARENT_HEADER]) ?? newTraceIds();
}
