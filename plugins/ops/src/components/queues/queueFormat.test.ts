import { formatAge, formatRate } from './queueFormat';

describe('queue formatting', () => {
  it('formats rates per minute, rounding small ones to a tenth', () => {
    expect(formatRate(412.4)).toBe('412/min');
    expect(formatRate(9)).toBe('9/min');
    expect(formatRate(0.25)).toBe('0.3/min');
    expect(formatRate(12_345)).toBe('12,345/min');
    expect(formatRate(undefined)).toBe('–');
  });

  it('formats ages from seconds to days', () => {
    expect(formatAge(0)).toBe('0 s');
    expect(formatAge(59.9)).toBe('59 s');
    expect(formatAge(60)).toBe('1 min');
    expect(formatAge(3600)).toBe('1 h');
    expect(formatAge(3600 + 5 * 60)).toBe('1 h 5 min');
    expect(formatAge(2 * 86400 + 4 * 3600 + 59)).toBe('2 d 4 h');
    expect(formatAge(undefined)).toBe('–');
    expect(formatAge(-1)).toBe('–');
  });
});
