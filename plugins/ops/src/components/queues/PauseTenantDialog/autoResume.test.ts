import { DateTime } from 'luxon';
import {
  DEFAULT_MAX_AUTO_RESUME_HOURS,
  autoResumeAt,
  autoResumeChoices,
  formatMaxHours,
} from './autoResume';

describe('autoResumeAt', () => {
  const now = DateTime.fromISO('2026-11-25T12:00:00.000Z');

  it('is undefined without auto-resume and now plus the hours otherwise', () => {
    expect(autoResumeAt('none', '', now)).toBeUndefined();
    expect(autoResumeAt('1h', '', now)).toBe('2026-11-25T13:00:00.000Z');
    expect(autoResumeAt('4h', '', now)).toBe('2026-11-25T16:00:00.000Z');
    expect(autoResumeAt('24h', '', now)).toBe('2026-11-26T12:00:00.000Z');
  });

  it('takes a custom local time only when it is valid and in the future', () => {
    const later = now.plus({ hours: 3 }).toLocal();
    expect(
      autoResumeAt('custom', later.toFormat("yyyy-LL-dd'T'HH:mm"), now),
    ).toBe('2026-11-25T15:00:00.000Z');
    const earlier = now.minus({ minutes: 1 }).toLocal();
    expect(
      autoResumeAt('custom', earlier.toFormat("yyyy-LL-dd'T'HH:mm"), now),
    ).toBe('invalid');
    expect(autoResumeAt('custom', '', now)).toBe('invalid');
    expect(autoResumeAt('custom', 'tomorrow', now)).toBe('invalid');
  });

  it('refuses a custom time more than 7 days ahead, as the backend does by default', () => {
    expect(DEFAULT_MAX_AUTO_RESUME_HOURS).toBe(168);
    const local = (t: DateTime) => t.toLocal().toFormat("yyyy-LL-dd'T'HH:mm");
    expect(autoResumeAt('custom', local(now.plus({ days: 7 })), now)).toBe(
      '2026-12-02T12:00:00.000Z',
    );
    expect(
      autoResumeAt('custom', local(now.plus({ days: 7, minutes: 1 })), now),
    ).toBe('too-late');
    expect(autoResumeAt('custom', local(now.plus({ hours: 3 })), now, 2)).toBe(
      'too-late',
    );
  });

  it('keeps to a lower limit of the backend: no preset beyond it, said in days or hours', () => {
    expect(autoResumeAt('24h', '', now, 12)).toBe('too-late');
    expect(autoResumeAt('4h', '', now, 12)).toBe('2026-11-25T16:00:00.000Z');
    expect(autoResumeChoices(12).map(c => c.id)).toEqual([
      'none',
      '1h',
      '4h',
      'custom',
    ]);
    expect(autoResumeChoices().map(c => c.id)).toEqual([
      'none',
      '1h',
      '4h',
      '24h',
      'custom',
    ]);
    expect(formatMaxHours(168)).toBe('7 days');
    expect(formatMaxHours(24)).toBe('1 day');
    expect(formatMaxHours(36)).toBe('36 hours');
    expect(formatMaxHours(1)).toBe('1 hour');
  });
});
