import { ChildProcess, fork } from 'node:child_process';

/** A message between the orchestrator (run.ts) and its children. */
export type Message = { type: string; [key: string]: any };

/** A forked child running one of the bench's .ts entry points, with a mailbox. */
export interface Child {
  readonly name: string;
  readonly process: ChildProcess;
  send(message: Message): void;
  /** Resolves with the next message of this type; rejects on timeout, exit or a child error. */
  waitFor<T extends Message = Message>(
    type: string,
    timeoutMs: number,
  ): Promise<T>;
  /** Waits for the child to exit by itself, then kills it. */
  stop(graceMs: number): Promise<void>;
}

const running = new Set<ChildProcess>();

/** Kills every child still running; called on exit, on signals and on failure. */
export function killChildren() {
  for (const child of running) {
    if (child.exitCode === null && child.signalCode === null)
      child.kill('SIGKILL');
  }
  running.clear();
}

process.on('exit', killChildren);

/**
 * Forks `file` with this process's exec arguments (so the Backstage node transform is loaded)
 * plus `extraExecArgv`; the child gets `payload` as JSON in argv[2].
 */
export function startChild(
  name: string,
  file: string,
  payload: unknown,
  extraExecArgv: string[] = [],
): Child {
  const child = fork(file, [JSON.stringify(payload)], {
    execArgv: [...process.execArgv, ...extraExecArgv],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  running.add(child);
  const inbox: Message[] = [];
  const listeners = new Set<() => void>();
  let exited: string | undefined;
  const notify = () => listeners.forEach(l => l());
  child.on('message', (m: Message) => {
    if (m?.type === 'watch') return; // the node transform reports every file it compiles
    inbox.push(m);
    notify();
  });
  child.on('exit', (code, signal) => {
    running.delete(child);
    exited = `${name} exited (code ${code}, signal ${signal})`;
    notify();
  });

  return {
    name,
    process: child,
    send(message) {
      if (child.connected) child.send(message);
    },
    waitFor<T extends Message>(type: string, timeoutMs: number) {
      return new Promise<T>((resolve, reject) => {
        const check = () => {
          const error = inbox.findIndex(m => m.type === 'error');
          if (error >= 0) {
            done();
            reject(new Error(`${name}: ${inbox[error].message}`));
            return;
          }
          const index = inbox.findIndex(m => m.type === type);
          if (index >= 0) {
            const [m] = inbox.splice(index, 1);
            done();
            resolve(m as T);
          } else if (exited) {
            done();
            reject(new Error(`${exited} while waiting for "${type}"`));
          }
        };
        const timer = setTimeout(() => {
          done();
          reject(
            new Error(
              `${name}: no "${type}" within ${Math.round(timeoutMs / 1000)} s`,
            ),
          );
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        check();
      });
    },
    async stop(graceMs) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      await new Promise<void>(resolve => {
        const timer = setTimeout(() => {
          child.kill('SIGKILL');
          resolve();
        }, graceMs);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
  };
}

/** In a child: the JSON payload its parent passed. */
export function childPayload<T>(): T {
  return JSON.parse(process.argv[2]) as T;
}

/** In a child: sends a message to the parent; exits when the parent goes away. */
export function toParent(message: Message) {
  if (process.connected) process.send!(message);
}

/** In a child: leave when the parent disconnects (it died or finished). */
export function exitWithParent() {
  process.on('disconnect', () => process.exit(0));
}

/** In a child: reports an error to the parent and exits non-zero. */
export function failToParent(error: unknown) {
  const message =
    error instanceof Error ? error.stack ?? error.message : String(error);
  process.stderr.write(`${message}\n`);
  toParent({
    type: 'error',
    message: error instanceof Error ? error.message : String(error),
  });
  setTimeout(() => process.exit(1), 100);
}
