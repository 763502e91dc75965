import { DateTime } from 'luxon';

/** The auto-resume choices of the pause dialog. */
export const AUTO_RESUME_CHOICES = [
  { id: 'none', label: 'No auto-resume', hours: undefined },
  { id: '1h', label: 'In 1 hour', hours: 1 },
  { id: '4h', label: 'In 4 hours', hours: 4 },
  { id: '24h', label: 'In 24 hours', hours: 24 },
  { id: 'custom', label: 'At a time…', hours: undefined },
] as const;

export type AutoResumeChoice = (typeof AUTO_RESUME_CHOICES)[number]['id'];

/**
 * The latest auto-resume the backend takes, in hours from now: the documented
 * default of `ops.queues.pause.maxAutoResumeHours` (7 days). A backend set
 * lower refuses a later time with a message the dialog shows.
 */
export const MAX_AUTO_RESUME_HOURS = 168;

/**
 * When the pause ends by itself: undefined for none, an ISO time, `invalid`
 * for a custom time that is missing, malformed or not in the future, or
 * `too-late` for one more than `maxHours` (default
 * {@link MAX_AUTO_RESUME_HOURS}) ahead. `custom` is the value of a
 * `datetime-local` input (local time).
 */
export function autoResumeAt(
  choice: AutoResumeChoice,
  custom: string,
  now: DateTime = DateTime.now(),
  maxHours: number = MAX_AUTO_RESUME_HOURS,
): string | undefined | 'invalid' | 'too-late' {
  if (choice === 'none') {
    return undefined;
  }
  if (choice === 'custom') {
    const time = DateTime.fromISO(custom);
    if (!time.isValid || time <= now) {
      return 'invalid';
    }
    return time > now.plus({ hours: maxHours })
      ? 'too-late'
      : time.toUTC().toISO()!;
  }
  const hours = AUTO_RESUME_CHOICES.find(c => c.id === choice)?.hours ?? 0;
  return now.plus({ hours }).toUTC().toISO()!;
}
