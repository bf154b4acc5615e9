import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, storyPage, test } from './webHostFixture';
import { makeStory } from '../support/seedLibrary';

const good = makeStory({ headline: 'Bài vẫn còn nguyên' });

test.use({
  seedDataDir: async ({}, use) =>
    use(async (dataDir: string) => {
      await mkdir(join(dataDir, 'stories'), { recursive: true });
      await writeFile(join(dataDir, 'stories', `${good.id}.json`), JSON.stringify(good));
      await writeFile(join(dataDir, 'stories', '0badf11e-0000-4000-8000-000000000000.json'), '{"headline": "Bài bị cắt ngang');
    }),
});

test('a damaged story file is reported, moved aside, and the rest of the library opens', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByRole('alert')).toContainText('1 tệp bài bị hỏng');
  await expect(storyPage(page).headline).toHaveText('Bài vẫn còn nguyên');
  expect((await host.storiesOnDisk()).map((s) => s.headline)).toEqual(['Bài vẫn còn nguyên']);
});
