import { SourceTracker } from '../sources/SourceTracker';
import {
  InMemoryQueueProvider,
  queueSnapshot,
} from '../__testUtils__/InMemoryQueueProvider';
import { QueueSources } from './QueueSources';

const job = (id: string, queueName: string, enqueuedAt: string) => ({
  id,
  queueName,
  name: 'send-email',
  state: 'waiting' as const,
  enqueuedAt,
  data: { to: `${id}@example.com` },
});

describe('QueueSources', () => {
  const platform = () =>
    new InMemoryQueueProvider('platform', {
      queues: [
        queueSnapshot('outbound-email-acme', { tenantId: 'acme' }),
        queueSnapshot('outbound-email-globex', { tenantId: 'globex' }),
      ],
      jobs: [
        job('1', 'outbound-email-acme', '2026-11-26T10:00:00.000Z'),
        job('2', 'outbound-email-acme', '2026-11-26T10:02:00.000Z'),
      ],
    });

  it('lists the queues of every source that answers and reports the failed ones', async () => {
    const down = new InMemoryQueueProvider('bullmq');
    down.failWith = new Error('connect ECONNREFUSED 127.0.0.1:6379');
    const tracker = new SourceTracker();
    const queues = await new QueueSources([platform(), down]).listQueues(
      tracker,
    );
    expect(queues.map(q => [q.source, q.name])).toEqual([
      ['platform', 'outbound-email-acme'],
      ['platform', 'outbound-email-globex'],
    ]);
    expect(tracker.list()).toEqual([
      {
        id: 'bullmq',
        status: 'degraded',
        error: 'connect ECONNREFUSED 127.0.0.1:6379',
      },
      { id: 'platform', status: 'ok' },
    ]);
  });

  it('asks every source for the cumulative totals only when the caller needs them', async () => {
    const p = platform();
    const other = new InMemoryQueueProvider('bullmq');
    const listed = [
      jest.spyOn(p, 'listQueues'),
      jest.spyOn(other, 'listQueues'),
    ];
    const sources = new QueueSources([p, other]);
    await sources.listQueues(new SourceTracker(), { totals: true });
    for (const spy of listed)
      expect(spy).toHaveBeenLastCalledWith({ totals: true });
    await sources.listQueues(new SourceTracker());
    for (const spy of listed) expect(spy).toHaveBeenLastCalledWith();
  });

  it('merges the jobs of a tenant across sources, newest first, up to the limit', async () => {
    const other = new InMemoryQueueProvider('bullmq', {
      queues: [queueSnapshot('outbound-email-acme', { tenantId: 'acme' })],
      jobs: [job('b1', 'outbound-email-acme', '2026-11-26T10:01:00.000Z')],
    });
    const jobs = await new QueueSources([platform(), other]).listTenantJobs(
      'acme',
      { limit: 2 },
      new SourceTracker(),
    );
    expect(jobs.map(j => [j.source, j.id])).toEqual([
      ['platform', '2'],
      ['bullmq', 'b1'],
    ]);
  });

  it('pauses a tenant in the sources that hold its work and names them', async () => {
    const p = platform();
    const empty = new InMemoryQueueProvider('bullmq');
    const tracker = new SourceTracker();
    const sources = new QueueSources([p, empty]);
    expect(await sources.setTenantPaused('acme', true, tracker)).toEqual([
      'platform',
    ]);
    expect(p.queues.map(q => [q.name, q.paused])).toEqual([
      ['outbound-email-acme', true],
      ['outbound-email-globex', false],
    ]);
    expect(await sources.setTenantPaused('acme', false, tracker)).toEqual([
      'platform',
    ]);
    expect(p.queues[0].paused).toBe(false);
  });

  it('reports a source that does not answer in time', async () => {
    const slow = new InMemoryQueueProvider('slow');
    slow.listQueues = () => new Promise(() => {});
    const tracker = new SourceTracker();
    expect(await new QueueSources([slow], 10).listQueues(tracker)).toEqual([]);
    expect(tracker.list()).toEqual([
      {
        id: 'slow',
        status: 'degraded',
        error: 'Queue source slow did not answer within 10 ms',
      },
    ]);
  });
});
