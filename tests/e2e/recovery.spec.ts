import { expect, storyPage, test, textOf, waitUntilSaved, writeNewStory } from './webHostFixture';

test('the app dies while the reporter types: what was typed up to a second before is offered back', async ({ page, host }) => {
  await writeNewStory(page, host, 'Bão số 3 đổ bộ');
  await page.keyboard.type('Gió mạnh cấp 12.');
  await waitUntilSaved(page);

  // Steady typing, a key every 80 ms, never the pause autosave waits for; then the app is killed.
  const typed = ' Nhiều cây đổ trên đường Trần Hưng Đạo, mất điện diện rộng ở trung tâm thành phố.';
  await page.keyboard.type(typed, { delay: 80 });
  await host.stop();
  const onDisk = async () =>
    textOf((await host.storiesOnDisk()).find((s) => s.headline === 'Bão số 3 đổ bộ')!.body);
  expect(await onDisk()).toBe('Gió mạnh cấp 12.');

  // The whole app is gone: the window too, so nothing is left to retry the save.
  const context = page.context();
  await page.close();
  await host.start();
  const reopened = await context.newPage();
  await reopened.goto(host.url);
  await reopened.getByRole('button', { name: /Bão số 3 đổ bộ/ }).click();
  const banner = reopened.locator('.banner-recovery');
  await expect(banner).toContainText('Có đoạn bạn gõ sau lần lưu cuối');
  await reopened.screenshot({ path: 'test-results/recovery-banner.png' });
  // In English the time it names is in English too, day name and all.
  await reopened.getByRole('combobox', { name: 'Ngôn ngữ' }).selectOption('en');
  await expect(banner).toContainText(/after the last save \(at (Mon|Tue|Wed|Thu|Fri|Sat|Sun)\w*, \d{2}\/\d{2}\/\d{4} \| \d{2}:\d{2}:\d{2}\)/);
  await reopened.getByRole('combobox', { name: 'Language' }).selectOption('vi');
  await banner.getByRole('button', { name: 'Lấy lại đoạn đó' }).click();
  await expect(banner).toBeHidden();

  // At most the last second of typing (about a dozen keys) is missing.
  const body = storyPage(reopened).bodyText.first();
  await expect(body).toContainText('Gió mạnh cấp 12. Nhiều cây đổ trên đường Trần Hưng Đạo');
  const recovered = (await body.textContent())!;
  expect(`Gió mạnh cấp 12.${typed}`.startsWith(recovered)).toBe(true);
  expect(recovered.length).toBeGreaterThanOrEqual(`Gió mạnh cấp 12.${typed}`.length - 14);
  await waitUntilSaved(reopened);
  expect(await onDisk()).toBe(recovered);

  // Taken back once: it is not offered again.
  await reopened.reload();
  await reopened.getByRole('button', { name: /Bão số 3 đổ bộ/ }).click();
  await expect(storyPage(reopened).bodyText.first()).toHaveText(recovered);
  await expect(reopened.locator('.banner-recovery')).toHaveCount(0);
});
