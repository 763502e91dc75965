import { ConfigReader } from '@backstage/config';
import { readDurationMs } from './readDurationMs';

describe('readDurationMs', () => {
  const config = new ConfigReader({
    object: { hours: 48 },
    iso: 'P2D',
    short: '500ms',
    plain: 500,
  });

  it('reads HumanDuration objects, ISO 8601 and short strings in milliseconds', () => {
    expect(readDurationMs(config, 'object', { seconds: 1 })).toBe(
      48 * 3_600_000,
    );
    expect(readDurationMs(config, 'iso', { seconds: 1 })).toBe(2 * 86_400_000);
    expect(readDurationMs(config, 'short', { seconds: 1 })).toBe(500);
  });

  it('falls back when the key or the whole block is absent', () => {
    expect(readDurationMs(config, 'missing', { seconds: 2 })).toBe(2000);
    expect(readDurationMs(undefined, 'missing', { minutes: 1 })).toBe(60_000);
  });

  it('rejects a number without a unit', () => {
    expect(() => readDurationMs(config, 'plain', { seconds: 1 })).toThrow(
      /plain/,
    );
  });
});
