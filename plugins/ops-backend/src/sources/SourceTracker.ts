import { SourceStatus } from '@opsconsole/backstage-plugin-ops-common';

/**
 * Records how each source did during one request, so the answer can carry a `sources` list:
 * a source that failed once in the request is reported degraded.
 */
export class SourceTracker {
  private readonly statuses = new Map<string, SourceStatus>();

  ok(sourceId: string) {
    if (!this.statuses.has(sourceId)) {
      this.statuses.set(sourceId, { id: sourceId, status: 'ok' });
    }
  }

  failed(sourceId: string, error: unknown) {
    this.statuses.set(sourceId, {
      id: sourceId,
      status: 'degraded',
      error: error instanceof Error ? error.message : String(error),
    });
  }

  list(): SourceStatus[] {
    return [...this.statuses.values()].sort((a, b) => a.id.localeCompare(b.id));
  }

  get hasFailures(): boolean {
    return this.list().some(s => s.status !== 'ok');
  }

  /** One-line description of the failed sources, for error messages. */
  describeFailures(): string {
    return this.list()
      .filter(s => s.status !== 'ok')
      .map(s => `${s.id}: ${s.error}`)
      .join('; ');
  }
}
