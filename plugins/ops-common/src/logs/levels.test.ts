import {
  LOG_LEVELS,
  logLevelRank,
  logLevelsMatching,
  parseLogLevel,
} from './levels';

describe('log levels', () => {
  it('are ordered from trace to fatal', () => {
    expect(LOG_LEVELS).toEqual([
      'trace',
      'debug',
      'info',
      'warn',
      'error',
      'fatal',
    ]);
    expect(logLevelRank('trace')).toBe(0);
    expect(logLevelRank('fatal')).toBe(5);
  });

  it('reads names case-insensitively with aliases', () => {
    expect(parseLogLevel('WARN')).toBe('warn');
    expect(parseLogLevel('Warning')).toBe('warn');
    expect(parseLogLevel('err')).toBe('error');
    expect(parseLogLevel('warnn')).toBeUndefined();
    expect(parseLogLevel('toString')).toBeUndefined();
    expect(parseLogLevel('constructor')).toBeUndefined();
  });

  it('lists the levels a comparison matches', () => {
    expect(logLevelsMatching('>=', 'warn')).toEqual(['warn', 'error', 'fatal']);
    expect(logLevelsMatching('>', 'warn')).toEqual(['error', 'fatal']);
    expect(logLevelsMatching('<=', 'debug')).toEqual(['trace', 'debug']);
    expect(logLevelsMatching('<', 'trace')).toEqual([]);
    expect(logLevelsMatching('=', 'info')).toEqual(['info']);
  });
});
