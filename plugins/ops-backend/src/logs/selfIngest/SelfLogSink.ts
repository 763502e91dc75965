import { Config } from '@backstage/config';
import { Writable } from 'node:stream';
import { NewLogRecord } from '../LogStore';
import { SecretRedactor } from './secretRedactor';
import {
  isLogsCapabilityLine,
  toSelfLogRecord,
  WinstonInfo,
} from './selfLogRecord';

/** Options of {@link SelfLogSink}. @public */
export interface SelfLogSinkOptions {
  /** Off: the transport drops every line at once and the store never sees one. */
  enabled: boolean;
  /** Lines held until the log store takes them; past it the oldest are dropped. */
  maxBufferedLines: number;
  /** Where the sink's own warnings go: never the logger (it would feed back). Default stderr. */
  warn?: (text: string) => void;
}

/** The winston transport protocol: an object-mode writable with `log(info, next)`. */
class SinkTransport extends Writable {
  constructor(private readonly accept: (info: WinstonInfo) => void) {
    super({ objectMode: true });
  }

  log(info: WinstonInfo, next: () => void) {
    this.accept(info);
    next();
  }

  _write(info: WinstonInfo, _encoding: string, callback: () => void) {
    this.log(info, callback);
  }
}

/** The self-ingest's own warnings go to stderr, never to the logger (no feedback). */
export const warnOnStderr = (text: string) => {
  process.stderr.write(`[ops] ${text}\n`);
};

/**
 * The backend's own log lines on their way into the ops log store. The root logger gets
 * {@link SelfLogSink.transport} as an extra winston transport; the logs capability of the
 * ops plugin drains the lines through its batched writer once it is up. Until then (and
 * while the store cannot take them) the lines wait in a bounded buffer that drops the
 * oldest, with a counted warning on stderr. Lines of the logs capability itself are never
 * taken. Values are redacted with the secrets given to {@link SelfLogSink.addRedactions}
 * (the root logger redacts only its printed line, not the fields a transport receives).
 * @public
 */
export class SelfLogSink {
  /** A winston transport; hand it to `WinstonLogger.create({ transports })`. */
  readonly transport: Writable;
  readonly enabled: boolean;
  private readonly maxBufferedLines: number;
  private readonly warn: (text: string) => void;
  private readonly redactor = new SecretRedactor();
  private buffer: NewLogRecord[] = [];
  private dropped = 0;
  private listener?: () => void;

  static fromConfig(config: Config): SelfLogSink {
    const self = config.getOptionalConfig('ops.logs.selfIngest');
    return new SelfLogSink({
      enabled: self?.getOptionalBoolean('enabled') ?? false,
      maxBufferedLines: self?.getOptionalNumber('maxBufferedLines') ?? 10_000,
    });
  }

  constructor(options: SelfLogSinkOptions) {
    this.enabled = options.enabled;
    this.maxBufferedLines = Math.max(1, options.maxBufferedLines);
    this.warn = options.warn ?? warnOnStderr;
    this.transport = new SinkTransport(info => this.accept(info));
  }

  /** Secrets to replace with `***` (give it what the root logger redacts). */
  addRedactions(secrets: Iterable<string>) {
    this.redactor.add(secrets);
  }

  /** Lines waiting for the store. @internal */
  get size(): number {
    return this.buffer.length;
  }

  /** Calls `listener` whenever a line arrives; returns the detach function. @internal */
  attach(listener: () => void): () => void {
    this.listener = listener;
    if (this.buffer.length > 0) listener();
    return () => {
      if (this.listener === listener) this.listener = undefined;
    };
  }

  /** Takes up to `max` of the oldest lines. @internal */
  take(max: number): NewLogRecord[] {
    const taken = this.buffer.splice(0, max);
    this.reportDrops();
    return taken;
  }

  /** Puts lines that could not be stored back in front (oldest dropped past the bound). @internal */
  requeue(records: NewLogRecord[]) {
    this.buffer = records.concat(this.buffer);
    this.trim();
  }

  private accept(info: WinstonInfo) {
    if (!this.enabled || isLogsCapabilityLine(info)) return;
    try {
      this.buffer.push(
        toSelfLogRecord(info, text => this.redactor.redact(text), Date.now()),
      );
    } catch (error) {
      this.warn(`could not take a backend log line: ${error}`);
      return;
    }
    this.trim();
    this.listener?.();
  }

  private trim() {
    const excess = this.buffer.length - this.maxBufferedLines;
    if (excess <= 0) return;
    if (this.dropped === 0) {
      this.warn(
        `backend log buffer full (${this.maxBufferedLines} lines): dropping the oldest until the log store takes them`,
      );
    }
    this.buffer.splice(0, excess);
    this.dropped += excess;
  }

  private reportDrops() {
    if (this.dropped > 0 && this.buffer.length < this.maxBufferedLines) {
      this.warn(`dropped ${this.dropped} backend log lines (buffer full)`);
      this.dropped = 0;
    }
  }
}
