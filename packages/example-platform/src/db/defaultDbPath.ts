import fs from 'node:fs';
import path from 'node:path';

/** Walks up from `start` to the directory whose package.json declares workspaces. */
export function findRepoRoot(start: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    const pkgPath = path.join(dir, 'package.json');
    if (fs.existsSync(pkgPath)) {
      try {
        const pkg = JSON.parse(fs.readFileSync(pkgPath, 'utf8'));
        if (pkg.workspaces) {
          return dir;
        }
      } catch {
        // not a readable package.json; keep walking
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      return undefined;
    }
    dir = parent;
  }
}

/** `<repo root or cwd>/.data/example-platform.sqlite` */
export function defaultDbPath(cwd: string = process.cwd()): string {
  const root = findRepoRoot(cwd) ?? cwd;
  return path.join(root, '.data', 'example-platform.sqlite');
}
