import { killChildren } from './childProcesses';

/**
 * Runs a bench's orchestrator: exits 0 when it finishes, 1 with the stack when it fails,
 * 130 on SIGINT/SIGTERM, and kills every child process on the way out.
 */
export function runBench(main: () => Promise<void>) {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      killChildren();
      process.exit(130);
    });
  }
  main().then(
    () => process.exit(0),
    error => {
      process.stderr.write(
        `[bench] failed: ${error instanceof Error ? error.stack : error}\n`,
      );
      killChildren();
      process.exit(1);
    },
  );
}
