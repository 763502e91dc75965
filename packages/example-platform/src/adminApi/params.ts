import { Request } from 'express';
import { badRequest } from './errors';

const DATE_TIME =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i;

function single(req: Request, name: string): string | undefined {
  const value = req.query[name];
  if (value === undefined) {
    return undefined;
  }
  if (typeof value !== 'string') {
    throw badRequest(`Query parameter ${name} must be given once`);
  }
  return value;
}

/** A required query string of at least `minLength` characters once trimmed. */
export function requiredText(
  req: Request,
  name: string,
  minLength: number,
): string {
  const value = single(req, name)?.trim();
  if (!value || value.length < minLength) {
    throw badRequest(
      `Query parameter ${name} is required and must have at least ${minLength} characters`,
    );
  }
  return value;
}

/** An optional query string; empty counts as absent. */
export function optionalText(req: Request, name: string): string | undefined {
  return single(req, name) || undefined;
}

/** An optional integer query parameter within `[min, max]`. */
export function optionalInteger(
  req: Request,
  name: string,
  options: { min: number; max?: number; default: number },
): number {
  const raw = single(req, name);
  if (raw === undefined || raw === '') {
    return options.default;
  }
  const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
  const max = options.max ?? Number.MAX_SAFE_INTEGER;
  if (!Number.isSafeInteger(value) || value < options.min || value > max) {
    throw badRequest(
      `Query parameter ${name} must be an integer from ${options.min}${
        options.max === undefined ? ' up' : ` to ${options.max}`
      }, got "${raw}"`,
    );
  }
  return value;
}

function parseDateTime(name: string, raw: string): Date {
  const time = DATE_TIME.test(raw) ? Date.parse(raw) : NaN;
  if (Number.isNaN(time)) {
    throw badRequest(
      `Query parameter ${name} must be an ISO 8601 date-time with a time zone (e.g. 2026-11-26T10:00:00Z), got "${raw}"`,
    );
  }
  return new Date(time);
}

/** An optional ISO 8601 date-time query parameter. */
export function optionalDateTime(req: Request, name: string): Date | undefined {
  const raw = single(req, name);
  return raw ? parseDateTime(name, raw) : undefined;
}

/** A required ISO 8601 date-time query parameter. */
export function requiredDateTime(req: Request, name: string): Date {
  const raw = single(req, name);
  if (!raw) {
    throw badRequest(
      `Query parameter ${name} is required (an ISO 8601 date-time)`,
    );
  }
  return parseDateTime(name, raw);
}

/** An optional comma-separated list of values from `allowed`; absent: all of them. */
export function optionalEnumList<T extends string>(
  req: Request,
  name: string,
  allowed: readonly T[],
): T[] {
  const raw = single(req, name);
  if (raw === undefined || raw === '') {
    return [...allowed];
  }
  const values = raw.split(',').map(v => v.trim());
  const unknown = values.filter(
    v => !(allowed as readonly string[]).includes(v),
  );
  if (unknown.length > 0) {
    throw badRequest(
      `Query parameter ${name} has unknown values ${unknown
        .map(v => `"${v}"`)
        .join(', ')}; allowed: ${allowed.join(', ')}`,
    );
  }
  return [...new Set(values)] as T[];
}
