import { Redis } from 'ioredis';
import { startMonitor } from '../../plugins/ops-backend-module-bullmq/src/__testUtils__/redis';

export interface CommandCount {
  /** commands the callers sent over the network */
  sent: number;
  /** commands run inside Lua scripts (BullMQ's and ours) */
  inScripts: number;
  /** sent + inScripts, by command name, most frequent first */
  byName: [string, number][];
}

/**
 * Runs `call` once while a MONITOR connection records Redis's commands, and counts those that
 * touch `prefix` keys (so other clients of the same Redis are not counted). MONITOR slows
 * Redis down: never time a call while it runs.
 */
export async function countCommands(
  redisUrl: string,
  prefix: string,
  call: () => Promise<unknown>,
): Promise<CommandCount> {
  // ioredis reports lines of other clients that arrive while MONITOR starts as errors, and
  // `redis.monitor()` listens only for the first one: a busy Redis crashed the bench
  const monitor = await startMonitor(redisUrl);
  const other = new Redis(redisUrl);
  const fence = `${prefix}:bench-fence:${Date.now()}`;
  const counts = { sent: 0, inScripts: 0 };
  const byName = new Map<string, number>();
  let seenFence: () => void = () => {};
  const fenceSeen = new Promise<void>(resolve => {
    seenFence = resolve;
  });
  let recording = false;
  monitor.on('monitor', (_time: string, args: string[], source: string) => {
    if (args.includes(fence)) {
      if (recording) seenFence();
      recording = true;
      return;
    }
    const touches = (a: string) => a === prefix || a.startsWith(`${prefix}:`);
    if (!recording || !args.some(touches)) return;
    // EVALSHA/EVAL carry keys or the prefix as arguments
    if (source === 'lua') counts.inScripts += 1;
    else counts.sent += 1;
    const name = args[0].toLowerCase();
    byName.set(name, (byName.get(name) ?? 0) + 1);
  });
  // fences: the monitor sees everything between them, in order
  await other.exists(fence);
  await call();
  await other.exists(fence);
  await fenceSeen;
  monitor.disconnect();
  other.disconnect();
  return {
    ...counts,
    byName: [...byName].sort((a, b) => b[1] - a[1]),
  };
}
