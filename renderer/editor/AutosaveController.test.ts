import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DatelineError } from '../../shared/api/DatelineError';
import type { Story, StoryChanges } from '../../shared/story/storySchema';
import { makeStory } from '../../tests/support/seedLibrary';
import { AutosaveController } from './AutosaveController';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const diskFull = () => new DatelineError('storage_failed', 'could not save story: ENOSPC: no space left on device', { errno: 'ENOSPC' });

describe('AutosaveController after a failed write', () => {
  it('keeps trying by itself after a full disk, and the save that succeeds carries everything typed meanwhile', async () => {
    const story = makeStory({ revision: 3 });
    let diskHasSpace = false;
    const sent: StoryChanges[] = [];
    const save = vi.fn(async (_id: string, baseRevision: number, changes: StoryChanges): Promise<Story> => {
      sent.push(changes);
      if (!diskHasSpace) throw diskFull();
      return { ...story, ...changes, revision: baseRevision + 1 } as Story;
    });
    const controller = new AutosaveController(story.id, story, save, () => undefined, 800);
    controller.change({ headline: 'Tít một' });
    await vi.advanceTimersByTimeAsync(800);
    expect(controller.getState()).toMatchObject({ kind: 'failed', error: { code: 'storage_failed' } });

    controller.change({ sapo: 'Sapo viết khi ổ đầy' });
    await vi.advanceTimersByTimeAsync(800 + 1_000);
    expect(save).toHaveBeenCalledTimes(2);
    expect(controller.getState().kind).toBe('failed');
    // Nobody clicks anything: space comes back and the next try goes through.
    diskHasSpace = true;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(controller.getState().kind).toBe('saved');
    expect(sent.at(-1)).toEqual({ headline: 'Tít một', sapo: 'Sapo viết khi ổ đầy' });
  });

  it('waits longer after each failure, up to ten seconds, and not at all for a conflict', async () => {
    const story = makeStory();
    const save = vi.fn(async (): Promise<Story> => {
      throw diskFull();
    });
    const controller = new AutosaveController(story.id, story, save, () => undefined, 800);
    controller.change({ headline: 'Tít' });
    await vi.advanceTimersByTimeAsync(800);
    const calls = [save.mock.calls.length];
    for (const wait of [1_000, 2_000, 4_000, 8_000, 10_000, 10_000]) {
      await vi.advanceTimersByTimeAsync(wait);
      calls.push(save.mock.calls.length);
    }
    expect(calls).toEqual([1, 2, 3, 4, 5, 6, 7]);

    const conflicting = vi.fn(async (): Promise<Story> => {
      throw new DatelineError('conflict', 'saved elsewhere', { currentRevision: 9 });
    });
    const other = new AutosaveController(story.id, story, conflicting, () => undefined, 800);
    other.change({ headline: 'Tít' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(conflicting).toHaveBeenCalledTimes(1);
  });
});

describe('AutosaveController recovery journal', () => {
  it('keeps steady typing aside every second, though autosave waits for a pause, and drops it once saved', async () => {
    const story = makeStory({ revision: 4 });
    const kept: { baseRevision: number; changes: StoryChanges }[] = [];
    let dropped = 0;
    const journal = { keep: async (baseRevision: number, changes: StoryChanges) => kept.push({ baseRevision, changes }), drop: async () => dropped++ };
    const save = vi.fn(async (_id: string, baseRevision: number, changes: StoryChanges) => ({ ...story, ...changes, revision: baseRevision + 1 }) as Story);
    const controller = new AutosaveController(story.id, story, save, () => undefined, 800, journal);
    // A keystroke every 200 ms for three seconds: never a pause long enough to save.
    for (let i = 1; i <= 15; i++) {
      controller.documentChanged(() => ({ headline: 'Tít', sapo: '', kicker: '', body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'chữ '.repeat(i) }] }] } }));
      await vi.advanceTimersByTimeAsync(200);
    }
    expect(save).not.toHaveBeenCalled();
    expect(kept.length).toBeGreaterThanOrEqual(2);
    expect(kept.at(-1)).toMatchObject({ baseRevision: 4 });
    expect(JSON.stringify(kept.at(-1)!.changes.body)).toContain('chữ '.repeat(10));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(save).toHaveBeenCalledTimes(1);
    expect(dropped).toBe(1);
  });
});
