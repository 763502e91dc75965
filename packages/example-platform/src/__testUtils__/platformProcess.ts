import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { RoleName } from '../roles/roleNames';

/** The platform CLI (`src/main.ts`) running in a child process. */
export interface PlatformProcess {
  urls: Partial<Record<RoleName, string>>;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  /** Sends `signal` and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

const LISTENING = /(api|worker|scheduler) role listening on (http:\/\/\S+)/g;

/**
 * Starts `src/main.ts` the way `yarn start` does, in a plain Node child
 * process (the OpenTelemetry exporter loads `http` with a dynamic import(),
 * which Jest's module sandbox cannot run), with an in-memory database, free
 * ports and only the given environment (plus PATH). Resolves once every
 * role in `EXAMPLE_PLATFORM_ROLES` (default all) reported its URL.
 */
export async function startPlatformProcess(
  env: Record<string, string>,
  timeoutMs = 30_000,
): Promise<PlatformProcess> {
  const roles = (env.EXAMPLE_PLATFORM_ROLES ?? 'api,worker,scheduler').split(
    ',',
  );
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      path.resolve(__dirname, '../main.ts'),
    ],
    {
      env: {
        PATH: process.env.PATH ?? '',
        EXAMPLE_PLATFORM_DB: ':memory:',
        EXAMPLE_PLATFORM_PORT_API: '0',
        EXAMPLE_PLATFORM_PORT_WORKER: '0',
        EXAMPLE_PLATFORM_PORT_SCHEDULER: '0',
        EXAMPLE_PLATFORM_LOG_LEVEL: 'info',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.on('data', chunk => (output += chunk));
  child.stderr!.on('data', chunk => (output += chunk));
  const exited = new Promise<number | null>(resolve =>
    child.once('exit', code => resolve(code)),
  );

  const urls: Partial<Record<RoleName, string>> = {};
  const deadline = Date.now() + timeoutMs;
  while (roles.some(role => !urls[role as RoleName])) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the platform did not start:\n${output}`);
    }
    for (const [, role, url] of output.matchAll(LISTENING)) {
      urls[role as RoleName] = url;
    }
    await new Promise(resolve => setTimeout(resolve, 50));
  }

  let stopping: Promise<number | null> | undefined;
  return {
    urls,
    output: () => output,
    stop(signal = 'SIGTERM') {
      stopping ??= (async () => {
        if (child.exitCode === null) {
          child.kill(signal);
        }
        const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        const code = await exited;
        clearTimeout(killer);
        return code;
      })();
      return stopping;
    },
  };
}
