import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, storyPage, test } from './webHostFixture';
import { makeStory } from '../support/seedLibrary';

const good = makeStory({ headline: 'Bài vẫn còn nguyên' });
const damagedSettings = JSON.stringify({ categories: 5, dictionary: ['Cửa Lục'] });

test.use({
  seedDataDir: async ({}, use) =>
    use(async (dataDir: string) => {
      await mkdir(join(dataDir, 'stories'), { recursive: true });
      await mkdir(join(dataDir, 'media'), { recursive: true });
      await writeFile(join(dataDir, 'stories', `${good.id}.json`), JSON.stringify(good));
      await writeFile(join(dataDir, 'stories', '0badf11e-0000-4000-8000-000000000000.json'), '{"headline": "Bài bị cắt ngang');
      await writeFile(join(dataDir, 'media', 'index.json'), '{"schemaVersion":1,"items":[{"id":"ab');
      await writeFile(join(dataDir, 'settings.json'), damagedSettings);
    }),
});

test('damaged files are moved aside, each said in words; the notice stays across a restart until dismissed', async ({ page, host }) => {
  await page.goto(host.url);
  const notice = page.getByRole('alert').filter({ hasText: 'quarantine' });
  await expect(notice).toContainText('3 tệp bị hỏng');
  await expect(notice).toContainText('Tệp bài stories/0badf11e-0000-4000-8000-000000000000.json bị hỏng');
  await expect(notice).toContainText('Danh mục ảnh bị hỏng');
  await expect(notice).toContainText('Tệp cài đặt bị hỏng');
  await expect(notice).toContainText(join(host.dataDir, 'quarantine'));
  await expect(storyPage(page).headline).toHaveText('Bài vẫn còn nguyên');
  // On a small laptop the notice leaves the story list in reach.
  await page.setViewportSize({ width: 1024, height: 640 });
  await expect(page.locator('.story-row', { hasText: 'Bài vẫn còn nguyên' })).toBeInViewport({ ratio: 1 });
  await page.screenshot({ path: test.info().outputPath('damaged-notice-1024.png') });
  await page.setViewportSize({ width: 1280, height: 800 });
  expect((await host.storiesOnDisk()).map((s) => s.headline)).toEqual(['Bài vẫn còn nguyên']);
  // Nothing deleted: the damaged bytes are in quarantine/, and the settings that still read were kept.
  const kept = await readdir(join(host.dataDir, 'quarantine'));
  const settingsCopy = kept.find((name) => name.endsWith('-settings.json'))!;
  expect(await readFile(join(host.dataDir, 'quarantine', settingsCopy), 'utf8')).toBe(damagedSettings);
  expect(((await host.api('settings.get', {})) as { dictionary: string[] }).dictionary).toEqual(['Cửa Lục']);

  await host.stop();
  await host.start();
  await page.reload();
  await expect(notice).toContainText('3 tệp bị hỏng');
  await notice.getByRole('button', { name: 'Đã hiểu' }).click();
  await expect(notice).toHaveCount(0);

  await host.stop();
  await host.start();
  await page.reload();
  await expect(storyPage(page).headline).toHaveText('Bài vẫn còn nguyên');
  await expect(page.getByRole('alert').filter({ hasText: 'quarantine' })).toHaveCount(0);
  expect((await readdir(join(host.dataDir, 'quarantine', 'dismissed'))).length).toBeGreaterThanOrEqual(3);
});
