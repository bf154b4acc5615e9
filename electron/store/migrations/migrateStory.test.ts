import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storySchema } from '../../../shared/story/storySchema';
import { recordingLogger } from '../../../tests/support/quietLogger';
import { makeTempDir } from '../../../tests/support/tempDir';
import { StoryStore } from '../StoryStore';
import { migrateStory } from './migrateStory';

const fixture = join(__dirname, '..', '..', '..', 'tests', 'fixtures', 'foundation-story.json');
const fixtureId = '5d1c6c2e-3f9a-4b7e-9a51-0c7f3e2b8d14';

let dir: string;
let remove: () => Promise<void>;
beforeEach(async () => ({ dir, remove } = await makeTempDir()));
afterEach(() => remove());

describe('story migrations', () => {
  it('upgrades a foundation-era story to the full anatomy, keeping its byline as the first of bylines', async () => {
    const old = JSON.parse(await readFile(fixture, 'utf8'));
    const upgraded = storySchema.parse(migrateStory(old));
    expect(upgraded).toMatchObject({
      schemaVersion: 3,
      featuredImage: null,
      headline: 'Tăng cường phối hợp các cơ quan chức năng',
      bylines: ['Minh Đức'],
      kicker: '',
      dateline: '',
      source: '',
      ednote: '',
      storyType: 'tin',
      revision: 3,
    });
    expect(upgraded).not.toHaveProperty('byline');
  });

  it('gives an empty byline no bylines', () => {
    expect(migrateStory({ schemaVersion: 1, byline: '  ' })).toMatchObject({ bylines: [] });
  });

  it('leaves a current story as it is', () => {
    const current = { schemaVersion: 3, bylines: ['A'], featuredImage: null };
    expect(migrateStory(current)).toEqual(current);
  });

  it('lets the store open a library saved by the foundation version, and saves it in the new shape', async () => {
    await mkdir(join(dir, 'stories'), { recursive: true });
    const file = join(dir, 'stories', `${fixtureId}.json`);
    await copyFile(fixture, file);
    const store = await StoryStore.open({ dataDir: dir, log: recordingLogger() });
    expect(store.list().items).toMatchObject([{ id: fixtureId, bylines: ['Minh Đức'] }]);
    const story = await store.get(fixtureId);
    expect(story.bylines).toEqual(['Minh Đức']);
    await store.update(fixtureId, story.revision, { dateline: 'Quảng Ninh' });
    const saved = JSON.parse(await readFile(file, 'utf8'));
    expect(saved).toMatchObject({ schemaVersion: 3, bylines: ['Minh Đức'], dateline: 'Quảng Ninh', revision: 4 });
    expect(saved).not.toHaveProperty('byline');
  });
});
