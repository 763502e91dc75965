import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Request } from 'express';
import { AuditService } from '../audit/AuditService';
import { DatabaseAuditStore } from '../audit/DatabaseAuditStore';
import { createTestDatabases } from '../__testUtils__/databases';
import {
  InMemoryQueueProvider,
  queueSnapshot,
} from '../__testUtils__/InMemoryQueueProvider';
import { DatabaseQueueStore } from './DatabaseQueueStore';
import {
  AUTO_RESUME_ACTOR,
  PAUSING_STALE_MS,
  PauseChange,
  QueuePauses,
} from './QueuePauses';
import { QueueSources } from './QueueSources';
import { HOUR_MS, QueueStore } from './QueueStore';

jest.setTimeout(60_000);

const NOW = Date.parse('2026-11-26T10:00:00.000Z');
const ADMIN = 'user:default/admin';

describe('QueuePauses', () => {
  const databases = createTestDatabases();

  describe.each(databases.ids)('on %p', id => {
    /** `wrapStore` stands in for the store, e.g. to act between the reads of a resume. */
    async function setup(
      wrapStore: (store: QueueStore) => QueueStore = store => store,
    ) {
      const db = await databases.init(id);
      const auditStore = DatabaseAuditStore.create(db);
      const auditor = mockServices.auditor.mock();
      const audit = new AuditService(auditor, auditStore);
      const platform = new InMemoryQueueProvider('platform', {
        queues: [
          queueSnapshot('outbound-email-acme', { tenantId: 'acme' }),
          queueSnapshot('outbound-email-globex', { tenantId: 'globex' }),
        ],
      });
      const bullmq = new InMemoryQueueProvider('bullmq', {
        queues: [queueSnapshot('outbound-email-acme', { tenantId: 'acme' })],
      });
      const pauses = new QueuePauses({
        sources: new QueueSources([platform, bullmq]),
        store: wrapStore(DatabaseQueueStore.create(db)),
        audit,
        maxAutoResumeMs: 7 * 24 * HOUR_MS,
        logger: mockServices.logger.mock(),
      });
      return { pauses, platform, bullmq, audit, auditor, db };
    }

    /** A second backend replica: its own services over the same database and sources. */
    const replicaOf = (env: Awaited<ReturnType<typeof setup>>) =>
      new QueuePauses({
        sources: new QueueSources([env.platform, env.bullmq]),
        store: DatabaseQueueStore.create(env.db),
        audit: env.audit,
        maxAutoResumeMs: 7 * 24 * HOUR_MS,
        logger: mockServices.logger.mock(),
      });

    /** Lets the first `n` callers of `method` through only once all `n` have called it. */
    const barrier =
      (method: 'getPause', n: number) =>
      (store: QueueStore): QueueStore => {
        let waiting = 0;
        let open!: () => void;
        const opened = new Promise<void>(resolve => {
          open = resolve;
        });
        return Object.assign(Object.create(store), {
          [method]: async (...args: unknown[]) => {
            const answer = await (store as any)[method](...args);
            if (waiting < n) {
              waiting += 1;
              if (waiting === n) open();
              await opened;
            }
            return answer;
          },
        });
      };

    /** A pause of acme by `actor` at NOW, through the audit as the route does it. */
    const auditedPause = (
      audit: AuditService,
      pauses: QueuePauses,
      actor: string,
    ) =>
      audit.audited({
        action: 'tenant-queue-pause',
        request: {} as Request,
        credentials: mockCredentials.user(actor),
        targetRef: 'tenant:default/acme',
        details: { tenantId: 'acme', reason: `by ${actor}` },
        run: () => pauses.pause('acme', { reason: `by ${actor}` }, actor, NOW),
        describeResult: r => ({ before: r.before, after: r.after }),
      });

    const OTHER = 'user:default/other';

    it('pauses one tenant in every source that holds it and keeps who, why and when', async () => {
      const { pauses, platform, bullmq } = await setup();
      const change = await pauses.pause(
        'acme',
        { reason: ' spam burst ', autoResumeAt: '2026-11-26T12:00:00.000Z' },
        ADMIN,
        NOW,
      );
      expect(change).toEqual({
        before: {
          tenantId: 'acme',
          tenantEntityRef: 'tenant:default/acme',
          paused: false,
        },
        after: {
          tenantId: 'acme',
          tenantEntityRef: 'tenant:default/acme',
          paused: true,
          reason: 'spam burst',
          pausedBy: ADMIN,
          pausedAt: '2026-11-26T10:00:00.000Z',
          autoResumeAt: '2026-11-26T12:00:00.000Z',
        },
      });
      expect(platform.queues.map(q => [q.name, q.paused])).toEqual([
        ['outbound-email-acme', true],
        ['outbound-email-globex', false],
      ]);
      expect(bullmq.queues[0].paused).toBe(true);
      expect(await pauses.get('acme')).toEqual(change.after);
    });

    it('refuses nonsense with clear errors', async () => {
      const { pauses } = await setup();
      await expect(
        pauses.pause('acme', { reason: '   ' }, ADMIN, NOW),
      ).rejects.toMatchObject({
        name: 'InputError',
        message: 'A reason is required',
      });
      await expect(
        pauses.pause(
          'acme',
          { reason: 'x', autoResumeAt: '2026-11-26T09:00:00.000Z' },
          ADMIN,
          NOW,
        ),
      ).rejects.toMatchObject({
        name: 'InputError',
        message: 'autoResumeAt must be in the future',
      });
      await expect(
        pauses.pause(
          'acme',
          { reason: 'x', autoResumeAt: '2026-12-26T09:00:00.000Z' },
          ADMIN,
          NOW,
        ),
      ).rejects.toMatchObject({
        name: 'InputError',
        message: 'autoResumeAt must be within 168 hours',
      });
      await expect(
        pauses.pause('initech', { reason: 'x' }, ADMIN, NOW),
      ).rejects.toMatchObject({
        name: 'NotFoundError',
        message: 'No queue source holds work of tenant initech',
      });
      await pauses.pause('acme', { reason: 'x' }, ADMIN, NOW);
      await expect(
        pauses.pause('acme', { reason: 'again' }, ADMIN, NOW + 1),
      ).rejects.toMatchObject({
        name: 'ConflictError',
        message: `The queues of tenant acme are already paused (by ${ADMIN} at 2026-11-26T10:00:00.000Z)`,
      });
    });

    it('answers 503 naming a source it could not reach, and a retry completes the pause', async () => {
      const { pauses, platform, bullmq } = await setup();
      bullmq.failWith = new Error('connect ECONNREFUSED 127.0.0.1:6379');
      await expect(
        pauses.pause('acme', { reason: 'spam' }, ADMIN, NOW),
      ).rejects.toMatchObject({
        name: 'ServiceUnavailableError',
        message:
          'Could not pause tenant acme in every queue source (bullmq: connect ECONNREFUSED 127.0.0.1:6379); paused in platform; retrying is safe',
      });
      // what could be paused stays paused; the console does not claim the pause yet
      expect(platform.queues[0].paused).toBe(true);
      expect((await pauses.get('acme')).paused).toBe(false);
      bullmq.failWith = undefined;
      await pauses.pause('acme', { reason: 'spam' }, ADMIN, NOW);
      expect(bullmq.queues[0].paused).toBe(true);
    });

    it('lets exactly one of two concurrent pauses of a tenant win; the other is a 409, audited as a failure', async () => {
      // both have read "not paused" before either claims the pause
      const { pauses, platform, bullmq, audit } = await setup(
        barrier('getPause', 2),
      );
      const results = await Promise.allSettled([
        auditedPause(audit, pauses, ADMIN),
        auditedPause(audit, pauses, OTHER),
      ]);
      const won = results.filter(r => r.status === 'fulfilled');
      const lost = results.filter(r => r.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      const winner = (won[0] as PromiseFulfilledResult<PauseChange>).value.after
        .pausedBy!;
      expect([ADMIN, OTHER]).toContain(winner);
      expect((lost[0] as PromiseRejectedResult).reason).toMatchObject({
        name: 'ConflictError',
        message: `The queues of tenant acme are already paused (by ${winner} at 2026-11-26T10:00:00.000Z)`,
      });
      expect(await pauses.get('acme')).toMatchObject({
        paused: true,
        pausedBy: winner,
        reason: `by ${winner}`,
      });
      expect(platform.queues[0].paused).toBe(true);
      expect(bullmq.queues[0].paused).toBe(true);

      const events = await audit.list({
        targetRef: 'tenant:default/acme',
        limit: 10,
      });
      expect(events.map(e => [e.actor, e.action, e.outcome]).sort()).toEqual(
        [
          [winner, 'tenant-queue-pause', 'success'],
          [winner === ADMIN ? OTHER : ADMIN, 'tenant-queue-pause', 'failure'],
        ].sort(),
      );
    });

    it('lets one pause win across backend replicas sharing the database', async () => {
      const env = await setup();
      const { pauses, db } = env;
      const replica = replicaOf(env);
      const results = await Promise.allSettled(
        [pauses, replica, pauses, replica].map((p, i) =>
          p.pause('acme', { reason: `try ${i}` }, ADMIN, NOW + i),
        ),
      );
      expect(results.filter(r => r.status === 'fulfilled')).toHaveLength(1);
      const refused = results.filter(r => r.status === 'rejected');
      expect(refused).toHaveLength(3);
      for (const r of refused) {
        expect((r as PromiseRejectedResult).reason.name).toBe('ConflictError');
      }
      expect(await db('ops_queue_pauses').where('paused', true)).toHaveLength(
        1,
      );
    });

    it('records nothing for a pause that failed: no row for a tenant no source holds, the previous state otherwise', async () => {
      const { pauses, bullmq, db } = await setup();
      await expect(
        pauses.pause('initech', { reason: 'x' }, ADMIN, NOW),
      ).rejects.toMatchObject({ name: 'NotFoundError' });
      expect(
        await db('ops_queue_pauses').where('tenant_id', 'initech'),
      ).toEqual([]);

      await pauses.pause('acme', { reason: 'first' }, ADMIN, NOW);
      await pauses.resume('acme', 'done', NOW + 1000);
      bullmq.failWith = new Error('down');
      await expect(
        pauses.pause('acme', { reason: 'second' }, ADMIN, NOW + 2000),
      ).rejects.toMatchObject({ name: 'ServiceUnavailableError' });
      const [row] = await db('ops_queue_pauses').where('tenant_id', 'acme');
      expect(Boolean(row.paused)).toBe(false);
      expect(Number(row.updated_at)).toBe(NOW + 1000);
    });

    it('does not take back a newer pause when its own pause fails', async () => {
      const { pauses, platform, bullmq } = await setup();
      // while the sources are being paused (so long that the pause counts as abandoned), a
      // person resumes and someone pauses anew
      const pauseTenant = bullmq.pauseTenant.bind(bullmq);
      let raced = false;
      bullmq.pauseTenant = async (tenantId: string) => {
        if (!raced) {
          raced = true;
          await pauses.resume('acme', 'handled', NOW + PAUSING_STALE_MS);
          await pauses.pause(
            'acme',
            { reason: 'newer' },
            OTHER,
            NOW + PAUSING_STALE_MS + 10,
          );
          throw new Error('connect ECONNREFUSED 127.0.0.1:6379');
        }
        return pauseTenant(tenantId);
      };
      await expect(
        pauses.pause('acme', { reason: 'older' }, ADMIN, NOW),
      ).rejects.toMatchObject({ name: 'ServiceUnavailableError' });
      expect(await pauses.get('acme')).toMatchObject({
        paused: true,
        pausedBy: OTHER,
        reason: 'newer',
      });
      expect(platform.queues[0].paused).toBe(true);
    });

    describe('a resume while a pause is being applied', () => {
      const sourcesPaused = (env: Awaited<ReturnType<typeof setup>>) => [
        env.platform.queues[0].paused,
        env.bullmq.queues[0].paused,
      ];
      /** ADMIN's pause of acme at NOW, held while it pauses the BullMQ source. */
      const pauseHeldInRedis = async (
        env: Awaited<ReturnType<typeof setup>>,
        request: { reason: string; autoResumeAt?: string } = { reason: 'spam' },
      ) => {
        const slowRedis = env.bullmq.hold('pauseTenant');
        const pausing = env.pauses.pause('acme', request, ADMIN, NOW);
        await slowRedis.reached;
        return { slowRedis, pausing };
      };

      it('is refused with a 409 on another replica, so the pause cannot undo it', async () => {
        const env = await setup();
        const replica = replicaOf(env);
        const { slowRedis, pausing } = await pauseHeldInRedis(env);

        await expect(
          replica.resume('acme', 'false alarm', NOW + 1000),
        ).rejects.toMatchObject({
          name: 'ConflictError',
          message: `A pause of tenant acme is being applied (by ${ADMIN} since 2026-11-26T10:00:00.000Z); try the resume again in a moment`,
        });
        slowRedis.release();
        await pausing;
        // the console and the sources agree: paused
        expect(await replica.get('acme')).toMatchObject({ paused: true });
        expect(sourcesPaused(env)).toEqual([true, true]);
        const [row] = await env.db('ops_queue_pauses');
        expect(row.pausing_since).toBeNull();

        // once applied, the resume goes through
        await replica.resume('acme', 'false alarm', NOW + 2000);
        expect(await env.pauses.get('acme')).toMatchObject({ paused: false });
        expect(sourcesPaused(env)).toEqual([false, false]);
      });

      it('by the auto-resume task waits for the next run', async () => {
        const env = await setup();
        const { slowRedis, pausing } = await pauseHeldInRedis(env, {
          reason: 'spam',
          autoResumeAt: '2026-11-26T10:00:01.000Z',
        });

        expect(await replicaOf(env).resumeDue(NOW + 1000)).toBe(0);
        slowRedis.release();
        await pausing;
        expect(await env.pauses.get('acme')).toMatchObject({ paused: true });
        expect(sourcesPaused(env)).toEqual([true, true]);

        expect(await replicaOf(env).resumeDue(NOW + 2000)).toBe(1);
        expect(await env.pauses.get('acme')).toMatchObject({ paused: false });
        expect(sourcesPaused(env)).toEqual([false, false]);
      });

      it(`goes through once the pause has been under way for ${
        PAUSING_STALE_MS / 60_000
      } minutes, and the late pause gives way`, async () => {
        const env = await setup();
        const replica = replicaOf(env);
        const { slowRedis, pausing } = await pauseHeldInRedis(env);

        await expect(
          replica.resume('acme', 'stuck', NOW + PAUSING_STALE_MS - 1),
        ).rejects.toMatchObject({ name: 'ConflictError' });
        const change = await replica.resume(
          'acme',
          'stuck',
          NOW + PAUSING_STALE_MS,
        );
        expect(change.before).toMatchObject({ paused: true, pausedBy: ADMIN });
        expect(await replica.get('acme')).toMatchObject({ paused: false });

        // the slow source pauses the tenant after the resume: it is resumed again
        slowRedis.release();
        await expect(pausing).rejects.toMatchObject({
          name: 'ConflictError',
          message:
            'Tenant acme was resumed while this pause was being applied (it took over 120 s); it stays resumed',
        });
        expect(await env.pauses.get('acme')).toMatchObject({ paused: false });
        expect(sourcesPaused(env)).toEqual([false, false]);
      });

      it('lets a pause made after such a resume stand when the late pause finishes', async () => {
        const env = await setup();
        const replica = replicaOf(env);
        const { slowRedis, pausing } = await pauseHeldInRedis(env);
        await replica.resume('acme', 'stuck', NOW + PAUSING_STALE_MS);
        await replica.pause(
          'acme',
          { reason: 'again' },
          OTHER,
          NOW + PAUSING_STALE_MS + 10,
        );

        slowRedis.release();
        await expect(pausing).rejects.toMatchObject({
          name: 'ConflictError',
          message: `Tenant acme was paused anew by ${OTHER} while this pause was being applied; that pause stands`,
        });
        expect(await env.pauses.get('acme')).toMatchObject({
          paused: true,
          pausedBy: OTHER,
          reason: 'again',
        });
        expect(sourcesPaused(env)).toEqual([true, true]);
      });

      it('of a pause whose replica died goes through after the bound, by a person or the task', async () => {
        const env = await setup();
        const store = DatabaseQueueStore.create(env.db);
        // claimed, then the replica stopped before its sources answered
        const abandoned = (tenantId: string) =>
          store.claimPause({
            tenantId,
            paused: true,
            reason: 'spam',
            pausedBy: ADMIN,
            pausedAt: NOW,
            autoResumeAt: NOW + 1000,
            updatedAt: NOW,
            pausingSince: NOW,
          });
        await abandoned('acme');
        await abandoned('globex');

        expect(await env.pauses.resumeDue(NOW + 1000)).toBe(0);
        await expect(
          env.pauses.resume('acme', 'stuck', NOW + 1000),
        ).rejects.toMatchObject({ name: 'ConflictError' });

        await env.pauses.resume('acme', 'stuck', NOW + PAUSING_STALE_MS);
        expect(await env.pauses.resumeDue(NOW + PAUSING_STALE_MS)).toBe(1);
        expect(await store.listPauses({})).toEqual([]);
      });
    });

    it('keeps a pause that lands while a resume is under way, in the sources too', async () => {
      // a resume of a tenant that is not paused; its slow source resumes it after a pause
      const env = await setup();
      const replica = replicaOf(env);
      const slowRedis = env.bullmq.hold('resumeTenant');
      const resuming = replica.resume('acme', 'just in case', NOW);
      await slowRedis.reached;
      await env.pauses.pause('acme', { reason: 'spam' }, ADMIN, NOW + 1000);
      expect(env.bullmq.queues[0].paused).toBe(true);

      slowRedis.release();
      await expect(resuming).rejects.toMatchObject({
        name: 'ConflictError',
        message:
          'Tenant acme was paused anew during its resume; the new pause stands',
      });
      expect(await env.pauses.get('acme')).toMatchObject({
        paused: true,
        pausedBy: ADMIN,
      });
      expect(env.platform.queues[0].paused).toBe(true);
      expect(env.bullmq.queues[0].paused).toBe(true);
    });

    it('lets a second resume that read the pause before the first one leave a newer pause alone', async () => {
      // both resumes read the pause; the second one's source answers after a new pause
      const env = await setup();
      await env.pauses.pause('acme', { reason: 'spam' }, ADMIN, NOW);
      const slowRedis = env.bullmq.hold('resumeTenant');
      const late = replicaOf(env).resume('acme', 'late', NOW + 1000);
      await slowRedis.reached;
      await env.pauses.resume('acme', 'first', NOW + 2000);
      await env.pauses.pause('acme', { reason: 'again' }, OTHER, NOW + 3000);

      slowRedis.release();
      await expect(late).rejects.toMatchObject({
        name: 'ConflictError',
        message:
          'Tenant acme was paused anew during its resume; the new pause stands',
      });
      expect(await env.pauses.get('acme')).toMatchObject({
        paused: true,
        pausedBy: OTHER,
        reason: 'again',
      });
      expect(env.platform.queues[0].paused).toBe(true);
      expect(env.bullmq.queues[0].paused).toBe(true);
    });

    it('resumes, idempotently', async () => {
      const { pauses, platform } = await setup();
      await pauses.pause('acme', { reason: 'spam' }, ADMIN, NOW);
      const change = await pauses.resume('acme', 'fixed', NOW + 1000);
      expect(change.before.paused).toBe(true);
      expect(change.after).toEqual({
        tenantId: 'acme',
        tenantEntityRef: 'tenant:default/acme',
        paused: false,
      });
      expect(platform.queues[0].paused).toBe(false);
      const again = await pauses.resume('acme', 'fixed', NOW + 2000);
      expect(again.before.paused).toBe(false);
      expect(again.after.paused).toBe(false);
      await expect(pauses.resume('acme', ' ')).rejects.toMatchObject({
        name: 'InputError',
      });
    });

    it('auto-resumes due pauses as the system, audited with before and after', async () => {
      const { pauses, platform, audit, auditor } = await setup();
      const request = {} as Request;
      await audit.audited({
        action: 'tenant-queue-pause',
        request,
        credentials: mockCredentials.user(ADMIN),
        targetRef: 'tenant:default/acme',
        run: () =>
          pauses.pause(
            'acme',
            { reason: 'spam', autoResumeAt: '2026-11-26T11:00:00.000Z' },
            ADMIN,
            NOW,
          ),
        describeResult: r => ({ before: r.before, after: r.after }),
      });
      await pauses.pause('globex', { reason: 'investigating' }, ADMIN, NOW);

      expect(await pauses.resumeDue(NOW + HOUR_MS - 1)).toBe(0);
      expect(await pauses.resumeDue(NOW + HOUR_MS)).toBe(1);
      expect(platform.queues.map(q => [q.name, q.paused])).toEqual([
        ['outbound-email-acme', false],
        ['outbound-email-globex', true],
      ]);
      expect(await pauses.resumeDue(NOW + 2 * HOUR_MS)).toBe(0);

      const events = await audit.list({
        targetRef: 'tenant:default/acme',
        limit: 10,
      });
      expect(
        events.map(e => ({
          actor: e.actor,
          action: e.action,
          outcome: e.outcome,
          before: (e.details as any).before?.paused,
          after: (e.details as any).after?.paused,
        })),
      ).toEqual(
        expect.arrayContaining([
          {
            actor: AUTO_RESUME_ACTOR,
            action: 'tenant-queue-resume',
            outcome: 'success',
            before: true,
            after: false,
          },
          {
            actor: ADMIN,
            action: 'tenant-queue-pause',
            outcome: 'success',
            before: false,
            after: true,
          },
        ]),
      );
      expect(events).toHaveLength(2);
      expect(auditor.createEvent).toHaveBeenCalledWith(
        expect.objectContaining({ eventId: 'tenant-queue-resume' }),
      );
    });

    /** Acme paused by ADMIN at NOW with auto-resume an hour later. */
    const pauseAcmeForAnHour = (pauses: QueuePauses) =>
      pauses.pause(
        'acme',
        { reason: 'spam', autoResumeAt: '2026-11-26T11:00:00.000Z' },
        ADMIN,
        NOW,
      );
    /** A store on which `race` runs once, right before (or after) `method` reads the database. */
    const racing =
      (
        method: 'duePauses' | 'resumePauseIfCurrent',
        when: 'before' | 'after',
        race: (store: QueueStore) => Promise<unknown>,
      ) =>
      (store: QueueStore): QueueStore => {
        let raced = false;
        const raceOnce = async () => {
          if (!raced) {
            raced = true;
            await race(store);
          }
        };
        return Object.assign(Object.create(store), {
          [method]: async (...args: unknown[]) => {
            if (when === 'before') await raceOnce();
            const answer = await (store as any)[method](...args);
            if (when === 'after') await raceOnce();
            return answer;
          },
        });
      };

    it('does not undo a pause made anew after the due one was listed', async () => {
      // a person resumes and pauses anew after the due pauses were listed
      const env = await setup(
        racing('duePauses', 'after', async () => {
          await env.pauses.resume('acme', 'handled', NOW + HOUR_MS);
          await env.pauses.pause(
            'acme',
            { reason: 'again' },
            ADMIN,
            NOW + HOUR_MS,
          );
        }),
      );
      const { pauses } = env;
      await pauseAcmeForAnHour(pauses);

      expect(await pauses.resumeDue(NOW + HOUR_MS)).toBe(0);
      expect(await pauses.get('acme')).toMatchObject({
        paused: true,
        reason: 'again',
        pausedAt: new Date(NOW + HOUR_MS).toISOString(),
      });
      expect(env.platform.queues[0].paused).toBe(true);
      expect(env.bullmq.queues[0].paused).toBe(true);
      const events = await env.audit.list({
        targetRef: 'tenant:default/acme',
        limit: 10,
      });
      expect(events.filter(e => e.actor === AUTO_RESUME_ACTOR)).toEqual([]);
    });

    it('pauses the sources again when a new pause lands while they resume, and audits the failure', async () => {
      // a person resumes and pauses anew between the sources' resume and the store update
      const anew = (store: QueueStore) =>
        store.savePause({
          tenantId: 'acme',
          paused: true,
          reason: 'again',
          pausedBy: ADMIN,
          pausedAt: NOW + HOUR_MS,
          updatedAt: NOW + HOUR_MS,
        });
      const env = await setup(racing('resumePauseIfCurrent', 'before', anew));
      const { pauses } = env;
      await pauseAcmeForAnHour(pauses);

      expect(await pauses.resumeDue(NOW + HOUR_MS)).toBe(0);
      expect(await pauses.get('acme')).toMatchObject({
        paused: true,
        reason: 'again',
      });
      expect(env.platform.queues[0].paused).toBe(true);
      expect(env.bullmq.queues[0].paused).toBe(true);
      const events = await env.audit.list({
        targetRef: 'tenant:default/acme',
        limit: 10,
      });
      expect(events[0]).toMatchObject({
        actor: AUTO_RESUME_ACTOR,
        action: 'tenant-queue-resume',
        outcome: 'failure',
        details: {
          error: expect.stringContaining(
            'Tenant acme was paused anew during its auto-resume; the new pause stands',
          ),
        },
      });
    });

    it('leaves a tenant resumed by a person during its auto-resume resumed', async () => {
      const env = await setup(
        racing('resumePauseIfCurrent', 'before', store =>
          store.savePause({
            tenantId: 'acme',
            paused: false,
            updatedAt: NOW + HOUR_MS,
          }),
        ),
      );
      await pauseAcmeForAnHour(env.pauses);
      expect(await env.pauses.resumeDue(NOW + HOUR_MS)).toBe(1);
      expect((await env.pauses.get('acme')).paused).toBe(false);
      expect(env.platform.queues[0].paused).toBe(false);
      expect(env.bullmq.queues[0].paused).toBe(false);
    });

    it('keeps a tenant paused when its source fails at auto-resume, and retries', async () => {
      const { pauses, bullmq } = await setup();
      await pauses.pause(
        'acme',
        { reason: 'spam', autoResumeAt: '2026-11-26T11:00:00.000Z' },
        ADMIN,
        NOW,
      );
      bullmq.failWith = new Error('down');
      expect(await pauses.resumeDue(NOW + HOUR_MS)).toBe(0);
      expect((await pauses.get('acme')).paused).toBe(true);
      bullmq.failWith = undefined;
      expect(await pauses.resumeDue(NOW + HOUR_MS + 30_000)).toBe(1);
      expect((await pauses.get('acme')).paused).toBe(false);
    });
  });
});
