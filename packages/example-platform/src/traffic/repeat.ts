import { PlatformLogger } from '../logger';

/** A task started by {@link startRepeating}. */
export interface RepeatingTask {
  /** Stops the task; resolves once a tick in progress has finished. */
  stop(): Promise<void>;
}

/**
 * Runs `tick` every `intervalMs`, never overlapping itself. Errors are
 * logged and the task keeps going. Timers do not keep the process alive.
 */
export function startRepeating(
  name: string,
  intervalMs: number,
  tick: () => void | Promise<void>,
  logger: PlatformLogger,
): RepeatingTask {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const schedule = () => {
    if (stopped) {
      return;
    }
    timer = setTimeout(() => {
      running = (async () => {
        try {
          await tick();
        } catch (error) {
          logger.warn(`${name} failed`, { error: String(error) });
        }
      })().then(schedule);
    }, intervalMs);
    timer.unref();
  };
  schedule();

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
