import { execFileSync } from 'node:child_process';
import path from 'node:path';

describe('generated OpenAPI spec', () => {
  it('is up to date with src/schema/openapi.yaml (run yarn generate)', () => {
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
