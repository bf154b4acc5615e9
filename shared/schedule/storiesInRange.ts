import type { StorySummary } from '../story/storySchema';

/** The planned moments of a story the calendar shows it under. */
export const calendarTimes = ['publishAt', 'embargo', 'deadline'] as const;

/** Whether a story has gone past a time the desk set for it without the step that time asked for. */
export function isOverdue(summary: StorySummary, now: number): boolean {
  const before = (instant: { at: string } | null | undefined) => instant != null && Date.parse(instant.at) < now;
  // Still not filed by its deadline.
  if ((summary.status === 'draft' || summary.status === 'submitted') && before(summary.deadline)) return true;
  // Due out and still only scheduled: the delivery or the CMS's own clock has not caught up.
  return summary.status === 'scheduled' && before(summary.publishAt);
}

/**
 * The live stories with any planned moment in [from, to), oldest moment first; with `overdue`, also those
 * overdue at `now`, whatever their day. Instants are compared as numbers, so offsets do not matter.
 */
export function storiesInRange(summaries: readonly StorySummary[], range: { from: string; to: string; overdue?: boolean }, now: number): StorySummary[] {
  const from = Date.parse(range.from);
  const to = Date.parse(range.to);
  const firstMoment = (summary: StorySummary) =>
    Math.min(...calendarTimes.map((key) => (summary[key] ? Date.parse(summary[key].at) : Infinity)));
  const inRange = (summary: StorySummary) =>
    calendarTimes.some((key) => {
      const at = summary[key] ? Date.parse(summary[key].at) : NaN;
      return at >= from && at < to;
    });
  return summaries
    .filter((summary) => summary.trashedAt === null && (inRange(summary) || (range.overdue === true && isOverdue(summary, now))))
    .sort((a, b) => firstMoment(a) - firstMoment(b));
}
