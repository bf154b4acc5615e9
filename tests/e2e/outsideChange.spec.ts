import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, storyPage, test, textOf, waitUntilSaved, writeNewStory } from './webHostFixture';

test('another program changes the open story’s file: both versions survive, and the reporter sees it', async ({ page, host }) => {
  await writeNewStory(page, host, 'Lũ lớn ở Cần Thơ');
  await page.keyboard.type('Nước lên nhanh ở bến Ninh Kiều.');
  await waitUntilSaved(page);
  const saved = (await host.storiesOnDisk()).find((s) => s.headline === 'Lũ lớn ở Cần Thơ')!;

  // A sync client brings the same story from another laptop, edited there.
  const file = join(host.dataDir, 'stories', `${String(saved.id)}.json`);
  const theirs = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  await writeFile(file, JSON.stringify({ ...theirs, sapo: 'Bản sapo viết trên máy tính ở toà soạn.' }, null, 1));

  await page.keyboard.type(' Nhiều tuyến phố ngập sâu.');
  const failed = page.locator('.save-state[data-state="failed"]');
  await expect(failed).toContainText('Một chương trình khác đã sửa tệp của bài này');
  const list = page.getByRole('list', { name: 'Bài viết' });
  await expect(list.getByRole('button', { name: /\[Bản sửa ngoài Dateline\] Lũ lớn ở Cần Thơ/ })).toBeVisible();

  await failed.getByRole('button', { name: 'Giữ bản của tôi' }).click();
  await waitUntilSaved(page);
  await expect(storyPage(page).bodyText.first()).toHaveText('Nước lên nhanh ở bến Ninh Kiều. Nhiều tuyến phố ngập sâu.');

  const onDisk = await host.storiesOnDisk();
  const mine = onDisk.find((s) => s.id === saved.id)!;
  const copy = onDisk.find((s) => s.headline === '[Bản sửa ngoài Dateline] Lũ lớn ở Cần Thơ')!;
  expect(textOf(mine.body)).toBe('Nước lên nhanh ở bến Ninh Kiều. Nhiều tuyến phố ngập sâu.');
  expect(copy.sapo).toBe('Bản sapo viết trên máy tính ở toà soạn.');
  expect(textOf(copy.body)).toBe('Nước lên nhanh ở bến Ninh Kiều.');
});
