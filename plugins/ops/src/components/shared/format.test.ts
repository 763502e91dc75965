import { ResponseError } from '@backstage/errors';
import {
  errorMessage,
  formatCount,
  formatPercent,
  formatRelative,
  formatShare,
} from './format';

describe('format helpers', () => {
  it('formats shares as percentages', () => {
    expect(formatPercent(0.99912)).toBe('99.91 %');
    expect(formatPercent(1, 0)).toBe('100 %');
    expect(formatPercent(null)).toBe('–');
    expect(formatPercent(undefined)).toBe('–');
  });

  it('formats whole-percent shares, never a share above 0 as "0 %"', () => {
    expect(formatShare(0.004)).toBe('<1 %');
    expect(formatShare(0.0099)).toBe('<1 %');
    expect(formatShare(0.01)).toBe('1 %');
    expect(formatShare(0.126)).toBe('13 %');
    expect(formatShare(0)).toBe('0 %');
    expect(formatShare(1)).toBe('100 %');
    expect(formatShare(undefined)).toBe('–');
  });

  it('formats counts with thousands separators', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(undefined)).toBe('–');
  });

  it('formats relative times and tolerates garbage', () => {
    const fiveMinutesAgo = new Date(Date.now() - 5 * 60_000).toISOString();
    expect(formatRelative(fiveMinutesAgo)).toBe('5 minutes ago');
    expect(formatRelative(undefined)).toBe('–');
    expect(formatRelative('not a date')).toBe('–');
  });
});

describe('errorMessage', () => {
  it('prefers the server message of a ResponseError', async () => {
    const error = await ResponseError.fromResponse(
      new Response(
        JSON.stringify({
          error: {
            name: 'NotAllowedError',
            message: 'Missing permission ops.health.probe',
          },
          request: { method: 'POST', url: '/probe' },
          response: { statusCode: 403 },
        }),
        { status: 403, headers: { 'Content-Type': 'application/json' } },
      ),
    );
    expect(errorMessage(error)).toBe('Missing permission ops.health.probe');
    expect(errorMessage(new Error('plain'))).toBe('plain');
    expect(errorMessage('text')).toBe('text');
  });
});
