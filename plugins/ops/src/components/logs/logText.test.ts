import { logBodyFirstLine, logBodyText } from './logText';

describe('logBodyText', () => {
  it('drops colour codes, cursor moves, OSC titles and hyperlinks but keeps their text', () => {
    expect(
      logBodyText('\u001b[31mred\u001b[0m and \u001b[1;32mbold green\u001b[m'),
    ).toBe('red and bold green');
    expect(logBodyText('a\u001b[2K\u001b[1Gb')).toBe('ab');
    expect(logBodyText('\u001b]0;title\u0007text')).toBe('text');
    expect(
      logBodyText('\u001b]8;;http://x.example\u001b\\link\u001b]8;;\u001b\\'),
    ).toBe('link');
    expect(logBodyText('\u009b31mc1\u009b0m')).toBe('c1');
  });

  it('drops control characters other than tab and newline, and a lone escape', () => {
    expect(logBodyText('a\u0000b\u0007c\rd\te\nf\u001b')).toBe('abcd\te\nf');
  });

  it('leaves markup alone: it is rendered as text', () => {
    expect(logBodyText('<img src=x onerror=alert(1)>')).toBe(
      '<img src=x onerror=alert(1)>',
    );
  });
});

describe('logBodyFirstLine', () => {
  it('cuts at the first newline and marks the cut', () => {
    expect(logBodyFirstLine('Error: boom\n    at x.js:1')).toBe(
      'Error: boom …',
    );
    expect(logBodyFirstLine('one line')).toBe('one line');
  });
});
