import http from 'node:http';
import { AddressInfo } from 'node:net';
import { FaultState } from '../admin/faultState';
import { createRoleApp } from './createRoleApp';
import { RoleContext, RoleDefinition, RunningRole, Stoppable } from './types';

/** Loopback address every role binds to. */
export const BIND_HOST = '127.0.0.1';

function listen(server: http.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen(port, BIND_HOST, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/**
 * Starts one role: registers its fault state, listens on `port` (0 picks a
 * free one) and starts its traffic when traffic is on.
 */
export async function startRole(
  definition: RoleDefinition,
  context: RoleContext,
  port: number,
): Promise<RunningRole> {
  const { name } = definition;
  const roleContext: RoleContext = {
    ...context,
    logger: context.roleLoggers.of(name),
  };
  const faultState = new FaultState();
  const abort = new AbortController();
  context.faults.set(name, faultState);

  const server = http.createServer(
    createRoleApp(definition, roleContext, faultState, abort.signal),
  );
  let boundPort: number;
  try {
    boundPort = await listen(server, port);
  } catch (error) {
    context.faults.delete(name);
    throw new Error(
      `example-platform ${name} role could not listen on ${BIND_HOST}:${port}: ${
        (error as Error).message
      }`,
    );
  }

  const tasks: Stoppable[] =
    context.traffic && definition.startTraffic
      ? definition.startTraffic(roleContext, context.traffic)
      : [];

  let closing: Promise<void> | undefined;
  return {
    name,
    port: boundPort,
    url: `http://${BIND_HOST}:${boundPort}`,
    close() {
      closing ??= (async () => {
        await Promise.all(tasks.map(task => task.stop()));
        abort.abort();
        await new Promise<void>(resolve => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        if (context.faults.get(name) === faultState) {
          context.faults.delete(name);
        }
      })();
      return closing;
    },
  };
}
