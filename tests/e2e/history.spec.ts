import { expect, storyPage, test, textOf, waitUntilSaved, writeNewStory } from './webHostFixture';

test('three versions of a story: compare two, restore the oldest, and it stays after a reload', async ({ page, host }) => {
  await writeNewStory(page, host, 'Cầu Bạch Đằng thông xe');
  const story = storyPage(page);
  await page.keyboard.type('Cây cầu dài 16 km nối hai bờ.');
  await waitUntilSaved(page);
  const historyButton = page.locator('.page-actions').getByRole('button', { name: 'Lịch sử' });
  const history = page.getByRole('region', { name: 'Lịch sử phiên bản' });
  const versions = history.getByRole('list', { name: 'Các phiên bản' }).getByRole('listitem');

  // Saves within five minutes fold into one version; the reporter keeps each stage by hand.
  const keepVersion = async (count: number) => {
    await waitUntilSaved(page);
    await historyButton.click();
    await expect(versions).toHaveCount(count);
    await expect(versions.first()).toContainText('Tự lưu');
    await history.getByRole('button', { name: 'Lưu phiên bản' }).click();
    await expect(versions.first()).toContainText('Lưu tay');
    await expect(versions).toHaveCount(count);
    await history.getByRole('button', { name: 'Đóng lịch sử' }).click();
  };
  const keepVersionAfter = async (edit: () => Promise<void>, count: number) => {
    await edit();
    await keepVersion(count);
  };
  await keepVersion(1);
  await keepVersionAfter(async () => {
    await story.headline.click();
    await page.keyboard.press('End');
    await page.keyboard.press('Control+ArrowLeft');
    await page.keyboard.press('Control+ArrowLeft');
    await page.keyboard.type('chính thức ');
  }, 2);
  await keepVersionAfter(async () => {
    await story.bodyText.first().click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Tổng vốn hơn 7.000 tỷ đồng.');
  }, 3);
  await expect(story.headline).toHaveText('Cầu Bạch Đằng chính thức thông xe');

  await historyButton.click();
  await expect(versions).toHaveCount(3);
  // Compare the oldest with the newest: only the words that changed are marked.
  await versions.nth(1).getByRole('checkbox').uncheck();
  await versions.nth(2).getByRole('checkbox').check();
  const headlineDiff = history.getByRole('region', { name: 'Tít' });
  await expect(headlineDiff.locator('ins')).toHaveText(['chính thức']);
  await expect(headlineDiff.locator('del')).toHaveCount(0);
  await expect(history.getByRole('region', { name: 'Nội dung' }).locator('ins')).toHaveText([' Tổng vốn hơn 7.000 tỷ đồng.']);
  await page.screenshot({ path: 'test-results/history-compare.png' });

  await versions.nth(2).getByRole('button', { name: /Khôi phục bản/ }).click();
  await expect(story.headline).toHaveText('Cầu Bạch Đằng thông xe');
  await expect(story.bodyText.first()).toHaveText('Cây cầu dài 16 km nối hai bờ.');

  await page.reload();
  await page.getByRole('button', { name: /Cầu Bạch Đằng thông xe/ }).first().click();
  await expect(storyPage(page).headline).toHaveText('Cầu Bạch Đằng thông xe');
  await expect(storyPage(page).bodyText.first()).toHaveText('Cây cầu dài 16 km nối hai bờ.');
  const onDisk = (await host.storiesOnDisk()).find((s) => s.headline === 'Cầu Bạch Đằng thông xe')!;
  expect(textOf(onDisk.body)).toBe('Cây cầu dài 16 km nối hai bờ.');
  await page.locator('.page-actions').getByRole('button', { name: 'Lịch sử' }).click();
  await expect(page.getByRole('region', { name: 'Lịch sử phiên bản' }).getByRole('list', { name: 'Các phiên bản' }).getByRole('listitem')).toHaveCount(4);
  await expect(page.getByRole('region', { name: 'Lịch sử phiên bản' }).getByRole('listitem').first()).toContainText('Khôi phục');
});
