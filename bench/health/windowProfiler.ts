import { Session } from 'node:inspector/promises';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const PROFILE_DIR = path.join(__dirname, '.profiles');

/**
 * V8 CPU profile of this process over one measured window only (not startup or seeding),
 * written to bench/health/.profiles/<name>-<time>.cpuprofile (open it in Chrome DevTools or
 * summarise it with profileSummary.ts). Profiling costs CPU: do not quote figures of a
 * profiled run.
 */
export async function startWindowProfiler(name: string) {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  await session.post('Profiler.start');
  return {
    async stop(): Promise<string> {
      const { profile } = await session.post('Profiler.stop');
      session.disconnect();
      mkdirSync(PROFILE_DIR, { recursive: true });
      const file = path.join(PROFILE_DIR, `${name}-${Date.now()}.cpuprofile`);
      writeFileSync(file, JSON.stringify(profile));
      return file;
    },
  };
}
