import { describe, expect, it } from 'vitest';
import { storyStanding } from './storyStanding';
import { testOutboxItem as job } from './testOutboxItem';

const story = (status: 'draft' | 'ready' | 'scheduled' | 'published' | 'killed', trashedAt: string | null = null) => ({ id: 'story-0001', status, trashedAt });

describe('storyStanding', () => {
  it('says a published or scheduled story that no target holds and no job carries was sent nowhere', () => {
    expect(storyStanding(story('published'), undefined, false)).toEqual({ status: 'published', delivery: 'unsent' });
    expect(storyStanding(story('scheduled'), undefined, false)).toEqual({ status: 'scheduled', delivery: 'unsent' });
  });

  it('says nothing more of a story a target holds, or one not on its way', () => {
    expect(storyStanding(story('published'), undefined, true)).toEqual({ status: 'published', delivery: null });
    // A month on, the delivered job is forgotten but the target still holds the story.
    expect(storyStanding(story('published'), job({}), true)).toEqual({ status: 'published', delivery: null });
    for (const status of ['draft', 'ready', 'killed'] as const) expect(storyStanding(story(status), undefined, false)).toEqual({ status, delivery: null });
    expect(storyStanding(story('published', '2024-05-14T01:00:00.000Z'), undefined, false)).toEqual({ status: 'trashed', delivery: null });
  });

  it('shows what a job is doing over the status: on its way, failed, held back', () => {
    expect(storyStanding(story('published'), job({ state: 'queued' }), false).delivery).toBe('sending');
    expect(storyStanding(story('published'), job({ state: 'failed', error: { code: 'auth', message: '', willRetry: false } }), false).delivery).toBe('failed');
    expect(storyStanding(story('scheduled'), job({ state: 'held' }), true).delivery).toBe('held');
  });
});
