import { LoggerService } from '@backstage/backend-plugin-api';
import { ServiceUnavailableError } from '@backstage/errors';
import { EventEmitter } from 'node:events';
import { LogStore, NewLogRecord } from './LogStore';

/** The writer cannot take more records now; retry after `retryAfterSeconds`. */
export class LogWriterFullError extends ServiceUnavailableError {
  readonly retryAfterSeconds = 1;
}

/** The records could not be committed (e.g. the database is down); nothing was stored. */
export class LogWriterCommitError extends ServiceUnavailableError {
  readonly retryAfterSeconds = 5;
}

export interface LogWriterOptions {
  /** Records per transaction. */
  batchSize: number;
  /** How long a partial batch waits for more records. */
  flushIntervalMs: number;
  /** Records accepted but not yet committed, beyond which writes are refused. */
  maxPendingRecords: number;
}

interface Pending {
  records: NewLogRecord[];
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * Batches records from many writers into few transactions (group commit). `write` resolves
 * only once its records are committed, so a caller acknowledges nothing that could be lost;
 * it rejects with {@link LogWriterFullError} when too much is pending (backpressure) and
 * {@link LogWriterCommitError} when the transaction failed. Emits `commit` after each
 * transaction, which wakes live tails.
 */
export class LogWriter {
  private readonly events = new EventEmitter();
  private queue: Pending[] = [];
  private queued = 0;
  private inFlight = 0;
  private flushing?: Promise<void>;
  private timer?: NodeJS.Timeout;
  private closed = false;

  constructor(
    private readonly store: Pick<LogStore, 'insert'>,
    private readonly options: LogWriterOptions,
    private readonly logger?: LoggerService,
  ) {
    this.events.setMaxListeners(0);
  }

  /** Records accepted and not yet committed. */
  get pending(): number {
    return this.queued + this.inFlight;
  }

  write(records: NewLogRecord[]): Promise<void> {
    if (records.length === 0) return Promise.resolve();
    if (this.closed) {
      return Promise.reject(
        new LogWriterFullError('The log writer is shutting down'),
      );
    }
    // one oversized request is let through when nothing else waits, so it cannot starve
    if (
      this.pending > 0 &&
      this.pending + records.length > this.options.maxPendingRecords
    ) {
      return Promise.reject(
        new LogWriterFullError(
          `Too many log records waiting to be written (${this.pending}); retry later`,
        ),
      );
    }
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ records, resolve, reject });
      this.queued += records.length;
      if (this.queued >= this.options.batchSize) this.kick();
      else if (!this.timer && !this.flushing) {
        this.timer = setTimeout(
          () => this.kick(),
          this.options.flushIntervalMs,
        );
      }
    });
  }

  /** Calls `listener` after every commit; returns the unsubscribe function. */
  onCommit(listener: () => void): () => void {
    this.events.on('commit', listener);
    return () => this.events.off('commit', listener);
  }

  /** Commits what is pending and refuses further writes. */
  async close(): Promise<void> {
    this.closed = true;
    this.kick();
    while (this.flushing) await this.flushing;
  }

  private kick() {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (this.flushing || this.queue.length === 0) return;
    this.flushing = this.drain().finally(() => {
      this.flushing = undefined;
      if (this.queue.length > 0) this.kick();
    });
  }

  private async drain() {
    // group commit: whatever queued up during a transaction goes into the next one
    while (this.queue.length > 0) {
      const batch: Pending[] = [];
      let count = 0;
      while (this.queue.length > 0 && count < this.options.batchSize) {
        const next = this.queue.shift()!;
        batch.push(next);
        count += next.records.length;
      }
      this.queued -= count;
      this.inFlight += count;
      try {
        await this.store.insert(batch.flatMap(p => p.records));
        this.inFlight -= count;
        for (const p of batch) p.resolve();
        this.events.emit('commit');
      } catch (error) {
        this.inFlight -= count;
        this.logger?.warn(`Could not store ${count} log records: ${error}`);
        const failure = new LogWriterCommitError(
          'The log records could not be stored; retry later',
        );
        for (const p of batch) p.reject(failure);
      }
    }
  }
}
