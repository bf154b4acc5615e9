import { describe, expect, it } from 'vitest';
import { summarizeStory } from '../../shared/story/storySchema';
import { completeStory } from '../../shared/workflow/testStory';
import { calendarEntries, entriesByDay, isMissed, overdueEntries } from './calendarEntries';

const zone = 'Asia/Ho_Chi_Minh';
const story = (id: string, overrides: Parameters<typeof completeStory>[0]) => summarizeStory(completeStory({ id, ...overrides }));

describe('calendarEntries', () => {
  // Due at 17:00 on 14/05 in Hà Nội, going out at 06:00 on 15/05 (23:00 UTC on the 14th).
  const both = story('both-0001', {
    status: 'draft',
    deadline: { at: '2026-05-14T10:00:00.000Z', timeZone: zone },
    publishAt: { at: '2026-05-14T23:00:00.000Z', timeZone: zone },
  });
  const early = story('early-001', { status: 'scheduled', publishAt: { at: '2026-05-14T01:00:00.000Z', timeZone: zone } });
  const week = { from: '2026-05-10T17:00:00.000Z', to: '2026-05-17T17:00:00.000Z' };

  it('lists each planned moment in the range on its Hà Nội day, earliest first', () => {
    const entries = calendarEntries([both, early], week, zone);
    expect(entries.map((e) => [e.story.id, e.kind, e.dayKey])).toEqual([
      ['early-001', 'publishAt', '2026-05-14'],
      ['both-0001', 'deadline', '2026-05-14'],
      ['both-0001', 'publishAt', '2026-05-15'],
    ]);
    expect([...entriesByDay(entries).keys()]).toEqual(['2026-05-14', '2026-05-15']);
  });

  it('leaves out the moments outside the range, and reads days in the zone asked for', () => {
    const day15 = { from: '2026-05-14T17:00:00.000Z', to: '2026-05-15T17:00:00.000Z' };
    expect(calendarEntries([both, early], day15, zone).map((e) => e.kind)).toEqual(['publishAt']);
    // In New York the 06:00 Hà Nội publish time is still the 14th.
    expect(calendarEntries([both], week, 'America/New_York').map((e) => e.dayKey)).toEqual(['2026-05-14', '2026-05-14']);
  });
});

describe('overdueEntries', () => {
  it('names the moment each overdue story missed', () => {
    const late = story('late-0001', { status: 'submitted', deadline: { at: '2026-05-14T09:00:00.000Z', timeZone: zone } });
    const stuck = story('stuck-001', { status: 'scheduled', publishAt: { at: '2026-05-14T08:00:00.000Z', timeZone: zone } });
    const filed = story('filed-001', { status: 'ready', deadline: { at: '2026-05-14T09:00:00.000Z', timeZone: zone } });
    const entries = overdueEntries([late, filed, stuck], Date.parse('2026-05-14T10:00:00Z'), zone);
    expect(entries.map((e) => [e.story.id, e.kind])).toEqual([
      ['stuck-001', 'publishAt'],
      ['late-0001', 'deadline'],
    ]);
    expect(entries.every((entry) => isMissed(entry, Date.parse('2026-05-14T10:00:00Z')))).toBe(true);
    // The filed story's deadline, and a deadline of a story whose publish time is what it missed, are not.
    const [filedDeadline] = calendarEntries([filed], { from: '2026-05-14T00:00:00Z', to: '2026-05-15T00:00:00Z' }, zone);
    expect(isMissed(filedDeadline!, Date.parse('2026-05-14T10:00:00Z'))).toBe(false);
  });
});
