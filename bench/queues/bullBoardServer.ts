/**
 * Child process of `yarn bench:queues`: bull-board (`@bull-board/api` with one BullMQAdapter
 * per queue, served by `@bull-board/express`) on a loopback port, as a deployment would run it.
 */
import { createBullBoard } from '@bull-board/api';
import type { IServerAdapter } from '@bull-board/api/typings/app';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Queue } from 'bullmq';
import express from 'express';
import { Redis } from 'ioredis';
import { AddressInfo } from 'node:net';
import {
  childPayload,
  exitWithParent,
  failToParent,
  toParent,
} from '../health/childProcesses';

interface Payload {
  redisUrl: string;
  prefix: string;
  names: string[];
}

async function main() {
  exitWithParent();
  const { redisUrl, prefix, names } = childPayload<Payload>();
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath('/board');
  createBullBoard({
    queues: names.map(
      name => new BullMQAdapter(new Queue(name, { connection, prefix })),
    ),
    // @bull-board/express 9.10.1 brings its own @bull-board/api 9.10.1: same shape, other
    // declarations of private fields
    serverAdapter: serverAdapter as unknown as IServerAdapter,
  });
  const app = express();
  app.use('/board', serverAdapter.getRouter());
  const server = app.listen(0, '127.0.0.1');
  await new Promise(resolve => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  toParent({
    type: 'ready',
    url: `http://127.0.0.1:${port}/board/api/queues`,
  });
}

main().catch(failToParent);
