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
 * The latest auto-resume, in hours from now, while the backend's own limit
 * (`maxAutoResumeHours` of the queue overview) is not known yet: the default
 * of `ops.queues.pause.maxAutoResumeHours` (7 days).
 */
export const DEFAULT_MAX_AUTO_RESUME_HOURS = 168;

/** The auto-resume choices that are within `maxHours` from now. */
export function autoResumeChoices(
  maxHours: number = DEFAULT_MAX_AUTO_RESUME_HOURS,
) {
  return AUTO_RESUME_CHOICES.filter(
    choice => choice.hours === undefined || choice.hours <= maxHours,
  );
}

/** `maxHours` for people: "7 days", "36 hours". */
export function formatMaxHours(maxHours: number): string {
  const days = maxHours / 24;
  if (Number.isInteger(days)) {
    return `${days} ${days === 1 ? 'day' : 'days'}`;
  }
  return `${maxHours} ${maxHours === 1 ? 'hour' : 'hours'}`;
}

/**
 * When the pause ends by itself: undefined for none, an ISO time, `invalid`
 * for a custom time that is missing, malformed or not in the future, or
 * `too-late` for one more than `maxHours` (default
 * {@link DEFAULT_MAX_AUTO_RESUME_HOURS}) ahead. `custom` is the value of a
 * `datetime-local` input (local time).
 */
export function autoResumeAt(
  choice: AutoResumeChoice,
  custom: string,
  now: DateTime = DateTime.now(),
  maxHours: number = DEFAULT_MAX_AUTO_RESUME_HOURS,
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
  return hours > maxHours ? 'too-late' : now.plus({ hours }).toUTC().toISO()!;
}
