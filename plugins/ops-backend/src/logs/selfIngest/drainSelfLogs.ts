import { LogWriter } from '../LogWriter';
import { SelfLogSink, warnOnStderr } from './SelfLogSink';

/** Lines per write; the writer groups them with concurrent OTLP ingest. */
const BATCH_LINES = 1000;

/**
 * Moves the backend's own log lines from the sink into the store through the batched
 * writer, one write at a time. A failed write puts its lines back and retries after the
 * writer's Retry-After; failures are reported on stderr only, never through the logger,
 * so storing lines cannot produce lines to store.
 */
export function drainSelfLogs(
  sink: SelfLogSink,
  writer: Pick<LogWriter, 'write'>,
  warn: (text: string) => void = warnOnStderr,
): { stop(): Promise<void> } {
  let running: Promise<void> | undefined;
  let retry: NodeJS.Timeout | undefined;
  let failing = false;
  let stopped = false;

  function kick() {
    if (stopped || running || retry) return;
    running = pump().finally(() => {
      running = undefined;
      if (sink.size > 0) kick(); // lines that came in as the pump finished
    });
  }

  function retryIn(seconds: number) {
    retry = setTimeout(() => {
      retry = undefined;
      kick();
    }, seconds * 1000);
    retry.unref();
  }

  /** Writes one batch; false when it failed (the lines are back in the sink). */
  async function writeBatch(): Promise<boolean> {
    const records = sink.take(BATCH_LINES);
    try {
      await writer.write(records);
      if (failing) warn('backend log lines are stored again');
      failing = false;
      return true;
    } catch (error) {
      sink.requeue(records);
      const seconds =
        (error as { retryAfterSeconds?: number }).retryAfterSeconds ?? 5;
      if (!failing) {
        warn(
          `could not store ${records.length} backend log lines (${error}); retrying every ${seconds} s`,
        );
      }
      failing = true;
      retryIn(seconds);
      return false;
    }
  }

  async function pump() {
    while (!stopped && sink.size > 0) {
      if (!(await writeBatch())) return;
    }
  }

  const detach = sink.attach(kick);
  return {
    /** Stops draining and writes what is left once (before the writer closes). */
    async stop() {
      stopped = true;
      detach();
      if (retry) clearTimeout(retry);
      await running;
      const rest = sink.take(Number.MAX_SAFE_INTEGER);
      if (rest.length === 0) return;
      await writer.write(rest).catch(error => {
        warn(`could not store ${rest.length} backend log lines (${error})`);
      });
    },
  };
}
