import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Story } from '../../shared/story/storySchema';

/** A valid stored story, for seeding a library without going through the store one fsync at a time. */
export function makeStory(overrides: Partial<Story> = {}): Story {
  const at = '2024-05-14T01:34:23.000Z';
  return {
    schemaVersion: 3,
    id: randomUUID(),
    kicker: '',
    headline: 'Tăng cường phối hợp các cơ quan chức năng',
    sapo: 'Sáng 14/5, UBND tỉnh Quảng Ninh tổ chức hội nghị.',
    body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Nội dung bài viết.' }] }] },
    status: 'draft',
    category: 'Thời sự',
    tags: ['Quảng Ninh'],
    bylines: ['Minh Đức'],
    dateline: 'Quảng Ninh',
    source: '',
    ednote: '',
    storyType: 'tin',
    featuredImage: null,
    createdAt: at,
    updatedAt: at,
    revision: 1,
    trashedAt: null,
    ...overrides,
  };
}

/** Writes story files straight into `<dataDir>/stories`; the store builds its index from them when it opens. */
export async function seedLibrary(dataDir: string, stories: Story[]): Promise<void> {
  await mkdir(join(dataDir, 'stories'), { recursive: true });
  await Promise.all(stories.map((story) => writeFile(join(dataDir, 'stories', `${story.id}.json`), JSON.stringify(story))));
}
