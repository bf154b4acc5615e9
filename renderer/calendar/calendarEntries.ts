import { calendarTimes, isOverdue } from '../../shared/schedule/storiesInRange';
import type { StorySummary } from '../../shared/story/storySchema';
import { zonedDateKey } from '../../shared/text/vietnameseDate';

/** What a planned moment is: the publish time (đăng), the deadline (hạn nộp) or the embargo (cấm đăng trước). */
export type CalendarKind = (typeof calendarTimes)[number];

/** One line in the calendar: a story at one of its planned moments, on the newsroom's calendar day. */
export interface CalendarEntry {
  story: StorySummary;
  kind: CalendarKind;
  /** UTC ISO. */
  at: string;
  /** `YYYY-MM-DD` in the newsroom's zone. */
  dayKey: string;
}

const kindOrder: Record<CalendarKind, number> = { deadline: 0, embargo: 1, publishAt: 2 };
const byTime = (a: CalendarEntry, b: CalendarEntry) => Date.parse(a.at) - Date.parse(b.at) || kindOrder[a.kind] - kindOrder[b.kind];

/**
 * Every planned moment of these stories in [from, to), earliest first: a story due at 17:00 and going out at
 * 06:00 the next day is on both days, each line saying which moment it is.
 */
export function calendarEntries(stories: readonly StorySummary[], range: { from: string; to: string }, timeZone: string): CalendarEntry[] {
  const from = Date.parse(range.from);
  const to = Date.parse(range.to);
  const entries: CalendarEntry[] = [];
  for (const story of stories) {
    for (const kind of calendarTimes) {
      const planned = story[kind];
      if (!planned) continue;
      const at = Date.parse(planned.at);
      if (at >= from && at < to) entries.push({ story, kind, at: planned.at, dayKey: zonedDateKey(planned.at, timeZone) });
    }
  }
  return entries.sort(byTime);
}

/** The entries of each day, by its key. */
export function entriesByDay(entries: readonly CalendarEntry[]): Map<string, CalendarEntry[]> {
  const days = new Map<string, CalendarEntry[]>();
  for (const entry of entries) days.set(entry.dayKey, [...(days.get(entry.dayKey) ?? []), entry]);
  return days;
}

/** The moment an overdue story missed: its deadline before it was filed, or its publish time while still scheduled. */
function missedKind(story: StorySummary): CalendarKind {
  return story.status === 'scheduled' ? 'publishAt' : 'deadline';
}

/** Whether this entry is the moment its story has missed, so it is shown as overdue wherever it is listed. */
export function isMissed(entry: CalendarEntry, now: number): boolean {
  return entry.kind === missedKind(entry.story) && isOverdue(entry.story, now);
}

/**
 * The moment each overdue story missed, earliest first: the deadline of a story not yet filed, or the publish
 * time of a scheduled story still waiting (what shared/schedule's isOverdue counts).
 */
export function overdueEntries(stories: readonly StorySummary[], now: number, timeZone: string): CalendarEntry[] {
  return stories
    .filter((story) => isOverdue(story, now))
    .flatMap((story) => {
      const kind = missedKind(story);
      const planned = story[kind];
      return planned ? [{ story, kind, at: planned.at, dayKey: zonedDateKey(planned.at, timeZone) }] : [];
    })
    .sort(byTime);
}
