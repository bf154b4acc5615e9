import { expect, storyPage, test, textOf, waitUntilSaved, writeNewStory } from './webHostFixture';

// No DATELINE_WEB_TOKEN: the host keeps its token in the data folder, as `npm run web` does for a reporter.
test.use({ hostToken: null });

test('a tab left open keeps saving after the web host restarts; after a new token it keeps the text and says what to do', async ({ page, host }) => {
  const firstUrl = host.url;
  expect(new URL(firstUrl).searchParams.get('token')).toMatch(/^[A-Za-z0-9_-]{32}$/);
  const headline = 'Lũ quét ở Lào Cai';
  await writeNewStory(page, host, headline);
  await page.keyboard.type('Mưa lớn kéo dài.');
  await waitUntilSaved(page);
  const body = storyPage(page).bodyText.first();
  const onDisk = async () => textOf((await host.storiesOnDisk()).find((s) => s.headline === headline)!.body);

  // The host goes away while the reporter types, and comes back with the token kept in its data folder.
  await host.stop();
  await page.keyboard.type(' Nhiều hộ dân phải sơ tán.');
  await expect(page.locator('.save-state')).toHaveAttribute('data-state', 'failed');
  await host.start();
  expect(host.url).toBe(firstUrl);
  // The tab's own retry saves what was typed during the outage, with the token it already had.
  await waitUntilSaved(page);
  await page.keyboard.type(' Quốc lộ 4D bị chia cắt.');
  await waitUntilSaved(page);
  expect(await onDisk()).toBe('Mưa lớn kéo dài. Nhiều hộ dân phải sơ tán. Quốc lộ 4D bị chia cắt.');

  // Now the reporter (or the desk) rotates the token: this tab's token is refused from here on.
  await host.stop();
  await host.start(['--rotate-token']);
  expect(new URL(host.url).origin).toBe(new URL(firstUrl).origin);
  expect(host.url).not.toBe(firstUrl);
  const typedAfter = ' Đoạn đường qua xã Bản Vược sạt lở nặng.';
  await page.keyboard.type(typedAfter);
  const fullText = `Mưa lớn kéo dài. Nhiều hộ dân phải sơ tán. Quốc lộ 4D bị chia cắt.${typedAfter}`;

  const message = page.locator('.save-session-expired');
  await expect(message).toBeVisible();
  await expect(message).toHaveText(
    `Phiên làm việc đã hết hạn: Dateline đã được khởi động lại. Bài vẫn còn nguyên ở đây. Mở lại địa chỉ mà Dateline in ra (http://127.0.0.1:${host.port}/?token=…) trong tab mới rồi mở bài này; chữ chưa lưu được giữ lại và sẽ được đề nghị lấy lại ở đó. Đừng đóng tab này trước khi thấy chữ ở tab mới.`,
  );
  await page.screenshot({ path: 'test-results/token-rotated.png' });
  // The text stays in the editor, and the message stays through further typing and refused saves.
  await expect(body).toHaveText(fullText);
  await page.keyboard.type(' Chưa có thương vong.');
  const finalText = `${fullText} Chưa có thương vong.`;
  await expect(body).toHaveText(finalText);
  await expect(page.locator('.save-state')).toHaveAttribute('data-state', 'failed');
  await expect(message).toBeVisible();
  expect(await onDisk()).toBe('Mưa lớn kéo dài. Nhiều hộ dân phải sơ tán. Quốc lộ 4D bị chia cắt.');
  // The tab keeps what it cannot save in the browser, within a second of the last key.
  const keptInBrowser = () =>
    page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('dateline.unsaved.')).map((key) => localStorage.getItem(key) ?? ''));
  await expect.poll(async () => (await keptInBrowser()).some((entry) => entry.includes('Chưa có thương vong.'))).toBe(true);

  // The reporter opens the new address in a new tab and opens the story: the unsaved text is offered back.
  const reopened = await page.context().newPage();
  await reopened.goto(host.url);
  await reopened.getByRole('button', { name: new RegExp(headline) }).click();
  const banner = reopened.locator('.banner-recovery');
  await expect(banner).toBeVisible();
  await banner.getByRole('button', { name: 'Lấy lại đoạn đó' }).click();
  await expect(banner).toBeHidden();
  await expect(storyPage(reopened).bodyText.first()).toHaveText(finalText);
  await waitUntilSaved(reopened);
  expect(await onDisk()).toBe(finalText);
  // Taken back once, it is not offered again.
  expect(await keptInBrowser()).toEqual([]);
});
