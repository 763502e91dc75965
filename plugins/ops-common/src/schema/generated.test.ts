import { execFileSync } from 'node:child_process';
import path from 'node:path';

describe('generated contract types', () => {
  it('are up to date with both OpenAPI documents (run yarn generate)', () => {
    const root = path.resolve(__dirname, '../../../..');
    expect(() =>
      execFileSync(
        process.execPath,
        [path.join(root, 'scripts/generate-openapi.js'), '--check'],
        { stdio: 'pipe' },
      ),
    ).not.toThrow();
  });
});
