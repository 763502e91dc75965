import { LogWriterCommitError } from '../LogWriter';
import { NewLogRecord } from '../LogStore';
import { drainSelfLogs } from './drainSelfLogs';
import { SelfLogSink } from './SelfLogSink';

const LEVEL = Symbol.for('level');
const line = (message: string, meta: Record<string, unknown> = {}) => ({
  level: '\u001b[32minfo\u001b[39m', // as a colorizing format leaves it
  [LEVEL]: 'info',
  message,
  service: 'backstage',
  ...meta,
});

function sinkWithWarnings(maxBufferedLines: number, enabled = true) {
  const warnings: string[] = [];
  const sink = new SelfLogSink({
    enabled,
    maxBufferedLines,
    warn: text => warnings.push(text),
  });
  return { sink, warnings };
}

describe('SelfLogSink', () => {
  it('buffers up to its bound, drops the oldest and says how many on stderr', () => {
    const { sink, warnings } = sinkWithWarnings(3);
    for (let i = 1; i <= 5; i++) sink.transport.write(line(`line ${i}`));
    expect(sink.size).toBe(3);
    expect(warnings).toEqual([
      'backend log buffer full (3 lines): dropping the oldest until the log store takes them',
    ]);
    expect(sink.take(10).map(r => r.body)).toEqual([
      'line 3',
      'line 4',
      'line 5',
    ]);
    expect(warnings[1]).toBe('dropped 2 backend log lines (buffer full)');
  });

  it('maps levels and meta, and redacts secrets in the body and every field', () => {
    const { sink } = sinkWithWarnings(10);
    sink.addRedactions(['hunter2-secret', ' ', 'x']);
    const transport = sink.transport as any; // winston calls log(info, next)
    transport.log(
      {
        ...line('login hunter2-secret ok', {
          plugin: 'auth',
          headers: { authorization: 'Bearer hunter2-secret' },
          error: new TypeError('bad x'),
          timestamp: '2026-01-02T03:04:05.000Z',
        }),
        [LEVEL]: 'verbose',
      },
      () => {},
    );
    expect(sink.take(1)).toEqual<NewLogRecord[]>([
      {
        timeMs: Date.parse('2026-01-02T03:04:05.000Z'),
        level: 'debug',
        service: 'backstage',
        body: 'login *** ok',
        attributes: {
          plugin: 'auth',
          'headers.authorization': 'Bearer ***',
          error: 'TypeError: bad x',
        },
      },
    ]);
  });

  it('takes nothing when disabled, and never the lines of the logs capability', () => {
    const off = sinkWithWarnings(10, false).sink;
    off.transport.write(line('hello'));
    expect(off.size).toBe(0);

    const { sink } = sinkWithWarnings(10);
    sink.transport.write(
      line('Could not store 3 log records', {
        plugin: 'ops',
        capability: 'logs',
      }),
    );
    sink.transport.write(line('fine', { plugin: 'ops', capability: 'flags' }));
    expect(sink.take(10).map(r => r.body)).toEqual(['fine']);
  });
});

describe('drainSelfLogs', () => {
  it('puts lines back when the store fails, reports only to stderr, and stores them once it works', async () => {
    const { sink, warnings } = sinkWithWarnings(100);
    const stored: string[] = [];
    let failNext = true;
    const writer = {
      write: jest.fn(async (records: NewLogRecord[]) => {
        if (failNext) {
          failNext = false;
          const error = new LogWriterCommitError('database down');
          Object.assign(error, { retryAfterSeconds: 0 });
          throw error;
        }
        stored.push(...records.map(r => r.body));
      }),
    };
    sink.transport.write(line('one'));
    sink.transport.write(line('two'));
    const drain = drainSelfLogs(sink, writer, text => warnings.push(text));
    for (let i = 0; i < 100 && stored.length < 2; i++) {
      await new Promise(resolve => setTimeout(resolve, 5));
    }
    expect(stored).toEqual(['one', 'two']);
    expect(warnings).toEqual([
      expect.stringMatching(/^could not store 2 backend log lines/),
      'backend log lines are stored again',
    ]);

    // lines that arrive after stop are not drained; those before stop are written once
    sink.transport.write(line('three'));
    await drain.stop();
    sink.transport.write(line('four'));
    expect(stored).toEqual(['one', 'two', 'three']);
  });
});
