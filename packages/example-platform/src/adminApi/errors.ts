/** An error the Platform Admin API answers with its status and a JSON error body. */
export class AdminApiError extends Error {
  constructor(
    readonly status: 400 | 401 | 404 | 409 | 503,
    name: string,
    message: string,
  ) {
    super(message);
    this.name = name;
  }
}

/** 400: a parameter is missing or invalid. */
export function badRequest(message: string): AdminApiError {
  return new AdminApiError(400, 'InputError', message);
}

/** 404: the tenant or user does not exist. */
export function notFound(message: string): AdminApiError {
  return new AdminApiError(404, 'NotFoundError', message);
}

/** 503: what holds the data (e.g. Redis for the queues) cannot be reached now. */
export function unavailable(message: string): AdminApiError {
  return new AdminApiError(503, 'ServiceUnavailableError', message);
}
