/**
 * Summarises a .cpuprofile: where the samples fall, by package or plugin file (self time),
 * the top functions by self time, and the plugin's functions by inclusive time.
 *   node --require @backstage/cli/config/nodeTransform.cjs bench/health/profileSummary.ts FILE [TOP]
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

function area(url: string, fn: string): string {
  if (!url) return fn.startsWith('(') ? fn : '(native / V8 builtins)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  const plugin = /\/(plugins\/[^/]+\/src\/.*)$/.exec(url);
  if (plugin) return plugin[1];
  if (url.startsWith('node:')) return 'node core';
  if (url.includes('/bench/')) return 'bench';
  return url;
}

export function summariseProfile(file: string, top = 25): string[] {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const nodes = new Map<number, ProfileNode>(
    profile.nodes.map((n: ProfileNode) => [n.id, n]),
  );
  const total = [...nodes.values()].reduce((a, n) => a + (n.hitCount ?? 0), 0);
  const durationMs = (profile.endTime - profile.startTime) / 1000;
  const pct = (hits: number) =>
    `${((hits / total) * 100).toFixed(1).padStart(5)} %`;

  const byArea = new Map<string, number>();
  const bySelf = new Map<string, number>();
  for (const n of nodes.values()) {
    const hits = n.hitCount ?? 0;
    const a = area(n.callFrame.url, n.callFrame.functionName);
    byArea.set(a, (byArea.get(a) ?? 0) + hits);
    const key = `${n.callFrame.functionName || '(anonymous)'}  ${a}:${
      n.callFrame.lineNumber + 1
    }`;
    bySelf.set(key, (bySelf.get(key) ?? 0) + hits);
  }

  // inclusive hits of the plugin's functions, each counted once per stack
  const inclusive = new Map<string, number>();
  const walk = (id: number, onStack: Set<string>): number => {
    const n = nodes.get(id)!;
    let hits = n.hitCount ?? 0;
    const url = n.callFrame.url;
    const key = url.includes('/plugins/')
      ? `${n.callFrame.functionName || '(anonymous)'}  ${area(url, '')}`
      : undefined;
    const fresh = key !== undefined && !onStack.has(key);
    if (fresh) onStack.add(key!);
    for (const child of n.children ?? []) hits += walk(child, onStack);
    if (fresh) {
      onStack.delete(key!);
      inclusive.set(key!, (inclusive.get(key!) ?? 0) + hits);
    }
    return hits;
  };
  walk(profile.nodes[0].id, new Set());

  const sorted = (m: Map<string, number>, limit: number) =>
    [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, limit);
  const idle = byArea.get('(idle)') ?? 0;
  return [
    `profile ${file}: ${durationMs.toFixed(0)} ms, ${total} samples, ${pct(
      total - idle,
    )} not idle`,
    'self time by area:',
    ...sorted(byArea, 15).map(([k, v]) => `  ${pct(v)}  ${k}`),
    `top ${top} functions by self time:`,
    ...sorted(bySelf, top).map(([k, v]) => `  ${pct(v)}  ${k}`),
    'plugin functions by inclusive time (synchronous parts):',
    ...sorted(inclusive, top).map(([k, v]) => `  ${pct(v)}  ${k}`),
  ];
}

if (require.main === module) {
  const [file, top] = process.argv.slice(2);
  if (!file) {
    process.stderr.write('usage: profileSummary.ts FILE.cpuprofile [TOP]\n');
    process.exit(2);
  }
  process.stdout.write(
    `${summariseProfile(file, Number(top) || 25).join('\n')}\n`,
  );
}
