import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './webHostFixture';
import { makeStory, seedLibrary } from '../support/seedLibrary';

const stories = [
  makeStory({ headline: 'Lũ quét ở Lào Cai, ặ ẫ ở ự Ỷ', updatedAt: '2024-05-14T03:00:00.000Z' }),
  makeStory({ headline: 'Giá xăng giảm lần thứ ba', updatedAt: '2024-05-14T02:00:00.000Z' }),
  makeStory({ headline: 'Kỳ họp Quốc hội khai mạc', updatedAt: '2024-05-14T01:00:00.000Z' }),
];

test.use({
  viewport: { width: 1280, height: 800 },
  seedDataDir: async ({}, use) =>
    use(async (dataDir: string) => {
      await seedLibrary(dataDir, stories);
    }),
});

test.afterEach(async ({ host }) => {
  // The default backup folder sits beside the data folder, which the fixture removes on its own.
  await rm(`${host.dataDir}-backups`, { recursive: true, force: true });
});

test('a backup made in Settings brings deleted stories back', async ({ page, host }) => {
  await page.goto(host.url);
  const list = page.getByRole('list', { name: 'Bài viết' });
  for (const story of stories) await expect(list).toContainText(story.headline);

  await page.getByRole('button', { name: 'Cài đặt' }).click();
  const dialog = page.getByRole('dialog', { name: 'Cài đặt tòa soạn' });
  const section = dialog.getByRole('region', { name: 'Sao lưu' });
  await expect(section).toBeVisible();
  await section.getByRole('button', { name: 'Sao lưu ngay' }).click();
  const manual = section.locator('.backup-row', { hasText: 'Sao lưu tay' });
  await expect(manual).toHaveCount(1);
  await expect(section).toContainText('Lần sao lưu gần nhất: Thứ');
  await section.screenshot({ path: 'test-results/backup-section.png' });
  await page.screenshot({ path: 'test-results/backup-dialog.png' });

  // Damage the library on disk: two story files gone.
  for (const story of stories.slice(0, 2)) await rm(join(host.dataDir, 'stories', `${story.id}.json`));
  expect((await readdir(join(host.dataDir, 'stories'))).filter((name) => name.endsWith('.json'))).toHaveLength(1);

  await manual.getByRole('button', { name: /^Khôi phục bản sao lưu/ }).click();
  const confirm = page.getByRole('alertdialog', { name: /^Khôi phục thư viện về lúc / });
  await expect(confirm).toContainText('Thư viện hiện tại được giữ lại thành một bản sao lưu riêng');
  await page.screenshot({ path: 'test-results/backup-confirm.png' });
  await confirm.getByRole('button', { name: 'Khôi phục' }).click();
  await expect(section.getByRole('status')).toContainText('Đã khôi phục 3 bài');

  // The window reopens on the restored library; reloading by hand shows the same.
  await page.waitForLoadState('load');
  await page.reload();
  for (const story of stories) await expect(page.getByRole('list', { name: 'Bài viết' })).toContainText(story.headline);
  expect((await host.storiesOnDisk()).map((story) => story.headline).sort()).toEqual(stories.map((story) => story.headline).sort());

  // The library the restore replaced is kept as a backup of its own.
  const backups = await readdir(`${host.dataDir}-backups`);
  expect(backups.filter((name) => name.endsWith('-before-restore.zip'))).toHaveLength(1);
});
