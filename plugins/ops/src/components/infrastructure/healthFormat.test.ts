import { formatLatency, formatObservedValue } from './healthFormat';

describe('health format helpers', () => {
  it('formats latencies', () => {
    expect(formatLatency(42.4)).toBe('42 ms');
    expect(formatLatency(1530)).toBe('1.5 s');
    expect(formatLatency(12000)).toBe('12 s');
    expect(formatLatency(null)).toBe('–');
  });

  it('formats observed values with units', () => {
    expect(formatObservedValue(12, 'ms')).toBe('12 ms');
    expect(formatObservedValue(true)).toBe('true');
    expect(formatObservedValue({ a: 1 })).toBe('{"a":1}');
    expect(formatObservedValue(undefined, 'ms')).toBe('–');
  });
});
