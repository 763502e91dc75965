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
 * When the pause ends by itself: undefined for none, an ISO time, or `invalid`
 * for a custom time that is missing, malformed or not in the future.
 * `custom` is the value of a `datetime-local` input (local time).
 */
export function autoResumeAt(
  choice: AutoResumeChoice,
  custom: string,
  now: DateTime = DateTime.now(),
): string | undefined | 'invalid' {
  if (choice === 'none') {
    return undefined;
  }
  if (choice === 'custom') {
    const time = DateTime.fromISO(custom);
    return time.isValid && time > now ? time.toUTC().toISO()! : 'invalid';
  }
  const hours = AUTO_RESUME_CHOICES.find(c => c.id === choice)?.hours ?? 0;
  return now.plus({ hours }).toUTC().toISO()!;
}
