import { describe, expect, it } from 'vitest';
import { summarizeStory } from '../story/storySchema';
import { completeStory } from '../workflow/testStory';
import { isOverdue, storiesInRange } from './storiesInRange';

const zone = 'Asia/Ho_Chi_Minh';
const story = (id: string, overrides: Parameters<typeof completeStory>[0]) => summarizeStory(completeStory({ id, ...overrides }));

describe('storiesInRange', () => {
  const scheduled = story('sched-0001', { status: 'scheduled', publishAt: { at: '2026-05-13T23:00:00.000Z', timeZone: zone } });
  const due = story('due-00001', { status: 'draft', deadline: { at: '2026-05-14T09:00:00.000Z', timeZone: zone } });
  const late = story('late-0001', { status: 'submitted', deadline: { at: '2026-05-01T09:00:00.000Z', timeZone: zone } });
  const trashed = story('gone-0001', { status: 'scheduled', publishAt: { at: '2026-05-14T01:00:00.000Z', timeZone: zone }, trashedAt: '2026-05-02T00:00:00.000Z' });
  const plain = story('none-0001', {});
  const all = [plain, due, late, trashed, scheduled];
  // 14/05/2026 in Hà Nội: 13/05 17:00 UTC to 14/05 17:00 UTC.
  const day = { from: '2026-05-14T00:00:00+07:00', to: '2026-05-15T00:00:00+07:00' };

  it('finds the stories planned for a day in the newsroom zone, earliest first, never the trash', () => {
    expect(storiesInRange(all, day, Date.parse('2026-05-10T00:00:00Z')).map((s) => s.id)).toEqual(['sched-0001', 'due-00001']);
  });

  it('adds overdue stories when asked: a missed deadline before the story is filed', () => {
    expect(storiesInRange(all, { ...day, overdue: true }, Date.parse('2026-05-14T03:00:00Z')).map((s) => s.id)).toEqual(['late-0001', 'sched-0001', 'due-00001']);
  });
});

describe('isOverdue', () => {
  const now = Date.parse('2026-05-14T10:00:00Z');
  it('counts a deadline only until the story is filed', () => {
    const deadline = { at: '2026-05-14T09:00:00.000Z', timeZone: zone };
    expect(isOverdue(story('a-000001', { status: 'draft', deadline }), now)).toBe(true);
    expect(isOverdue(story('a-000001', { status: 'ready', deadline }), now)).toBe(false);
  });
  it('counts a scheduled story whose time has passed', () => {
    expect(isOverdue(story('a-000001', { status: 'scheduled', publishAt: { at: '2026-05-14T09:00:00.000Z', timeZone: zone } }), now)).toBe(true);
    expect(isOverdue(story('a-000001', { status: 'scheduled', publishAt: { at: '2026-05-14T11:00:00.000Z', timeZone: zone } }), now)).toBe(false);
  });
});
