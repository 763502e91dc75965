/**
 * The store of the outbound queues (Redis) cannot be reached. The Platform
 * Admin API answers it with 503 and its message; retrying later is safe.
 */
export class QueueUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QueueUnavailableError';
  }
}
