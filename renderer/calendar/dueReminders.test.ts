import { describe, expect, it } from 'vitest';
import { summarizeStory } from '../../shared/story/storySchema';
import { completeStory } from '../../shared/workflow/testStory';
import { dueReminders } from './dueReminders';
import { markShown, wasShown } from './shownReminders';

const zone = 'Asia/Ho_Chi_Minh';
const now = Date.parse('2026-05-14T09:00:00Z');
const minutes = (n: number) => new Date(now + n * 60_000).toISOString();
const story = (id: string, overrides: Parameters<typeof completeStory>[0]) => summarizeStory(completeStory({ id, ...overrides }));

describe('dueReminders', () => {
  it('reminds of deadlines within the window for stories not yet filed, and of scheduled stories about to go', () => {
    const stories = [
      story('soon-0001', { status: 'draft', deadline: { at: minutes(10), timeZone: zone } }),
      story('filed-001', { status: 'ready', deadline: { at: minutes(10), timeZone: zone } }),
      story('later-001', { status: 'draft', deadline: { at: minutes(45), timeZone: zone } }),
      story('past-0001', { status: 'draft', deadline: { at: minutes(-5), timeZone: zone } }),
      story('going-001', { status: 'scheduled', publishAt: { at: minutes(20), timeZone: zone } }),
    ];
    expect(dueReminders(stories, now, 30 * 60_000).map((r) => [r.storyId, r.kind])).toEqual([
      ['soon-0001', 'deadline'],
      ['going-001', 'publishAt'],
    ]);
  });

  it('keys a reminder by story, kind and moment, so a moved deadline reminds again', () => {
    const [first] = dueReminders([story('soon-0001', { status: 'draft', deadline: { at: minutes(10), timeZone: zone } })], now, 30 * 60_000);
    const [moved] = dueReminders([story('soon-0001', { status: 'draft', deadline: { at: minutes(20), timeZone: zone } })], now, 30 * 60_000);
    expect(first!.key).not.toBe(moved!.key);
  });
});

describe('shownReminders', () => {
  const memory = (): Storage => {
    const map = new Map<string, string>();
    return {
      getItem: (key) => map.get(key) ?? null,
      setItem: (key, value) => void map.set(key, value),
      removeItem: (key) => void map.delete(key),
      clear: () => map.clear(),
      key: (i) => [...map.keys()][i] ?? null,
      get length() {
        return map.size;
      },
    };
  };

  it('remembers a shown reminder, and forgets those two days past', () => {
    const storage = memory();
    markShown('old', '2026-05-10T00:00:00.000Z', now, storage);
    markShown('new', minutes(10), now, storage);
    expect(wasShown('new', storage)).toBe(true);
    expect(wasShown('old', storage)).toBe(false);
    expect(wasShown('other', storage)).toBe(false);
  });

  it('reads a damaged record as empty', () => {
    const storage = memory();
    storage.setItem('dateline.shownReminders', '{not json');
    expect(wasShown('new', storage)).toBe(false);
  });
});
