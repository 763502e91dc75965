import {
  LogWriter,
  LogWriterCommitError,
  LogWriterFullError,
} from './LogWriter';
import { NewLogRecord } from './LogStore';

const record = (body: string): NewLogRecord => ({
  timeMs: 0,
  level: 'info',
  service: 's',
  body,
  attributes: {},
});

/** A store whose inserts wait until released, recording each batch. */
function gatedStore() {
  const batches: string[][] = [];
  let release: () => void = () => {};
  let fail = false;
  return {
    batches,
    failNext() {
      fail = true;
    },
    release: () => release(),
    store: {
      insert: (records: NewLogRecord[]) =>
        new Promise<void>((resolve, reject) => {
          release = () => {
            if (fail) {
              fail = false;
              reject(new Error('database restarted'));
              return;
            }
            batches.push(records.map(r => r.body));
            resolve();
          };
        }),
    },
  };
}

const settle = () => new Promise(resolve => setImmediate(resolve));

describe('LogWriter', () => {
  it('acknowledges only after the commit, batching what queued meanwhile', async () => {
    const gate = gatedStore();
    const writer = new LogWriter(gate.store, {
      batchSize: 2,
      flushIntervalMs: 60_000,
      maxPendingRecords: 100,
    });
    const commits = jest.fn();
    writer.onCommit(commits);
    let firstDone = false;
    const first = writer.write([record('a'), record('b')]).then(() => {
      firstDone = true;
    });
    await settle();
    expect(firstDone).toBe(false); // in the transaction, not yet committed
    const second = writer.write([record('c')]);
    const third = writer.write([record('d')]);
    gate.release();
    await first;
    expect(firstDone).toBe(true);
    await settle();
    gate.release();
    await Promise.all([second, third]);
    expect(gate.batches).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(commits).toHaveBeenCalledTimes(2);
    expect(writer.pending).toBe(0);
  });

  it('refuses writes beyond the pending bound, and fails a batch whose commit fails', async () => {
    const gate = gatedStore();
    const writer = new LogWriter(gate.store, {
      batchSize: 3,
      flushIntervalMs: 60_000,
      maxPendingRecords: 4,
    });
    const first = writer.write([record('a'), record('b'), record('c')]);
    await settle();
    await expect(
      writer.write([record('d'), record('e')]),
    ).rejects.toBeInstanceOf(LogWriterFullError);
    const fits = writer.write([record('d')]);
    gate.failNext();
    gate.release();
    await expect(first).rejects.toBeInstanceOf(LogWriterCommitError);
    await settle();
    gate.release();
    await fits;
    expect(gate.batches).toEqual([['d']]);
  });

  it('commits what is pending on close and then refuses writes', async () => {
    const gate = gatedStore();
    const writer = new LogWriter(gate.store, {
      batchSize: 100,
      flushIntervalMs: 60_000,
      maxPendingRecords: 1000,
    });
    const pending = writer.write([record('x')]);
    const closed = writer.close();
    await settle();
    gate.release();
    await Promise.all([pending, closed]);
    expect(gate.batches).toEqual([['x']]);
    await expect(writer.write([record('y')])).rejects.toBeInstanceOf(
      LogWriterFullError,
    );
  });
});
