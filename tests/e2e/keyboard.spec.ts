import type { Locator, Page } from '@playwright/test';
import { wallClockToInstant } from '../../shared/schedule/wallClockToInstant';
import { zonedDateKey } from '../../shared/text/vietnameseDate';
import { expect, test } from './webHostFixture';

const zone = 'Asia/Ho_Chi_Minh';

async function openStory(page: Page, headline: string): Promise<void> {
  await page.locator('.story-row-open', { hasText: headline }).click();
  await expect(page.locator('.ProseMirror .story-headline')).toHaveText(headline);
}

/** Opens with the keyboard (Enter on the focused button), so the focus that must come back is the button's. */
async function openByKeyboard(button: Locator): Promise<void> {
  await button.focus();
  await button.press('Enter');
}

test('Escape from every menu, popup and dialog gives the focus back to the button that opened it, and so does closing it', async ({ page, host }) => {
  const story = await host.api('stories.create', { headline: 'Giá xăng giảm lần thứ ba liên tiếp' });
  await page.goto(host.url);
  await openStory(page, story.headline);
  const inspector = page.getByRole('complementary', { name: 'Thông tin bài' });

  // Xuất bài: a menu; the focus goes into its items and comes back.
  const exportButton = page.getByRole('button', { name: /^Xuất bài/ });
  await openByKeyboard(exportButton);
  const exportMenu = page.getByRole('menu', { name: 'Xuất bài ra tệp' });
  await expect(exportMenu.getByRole('menuitem').first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Escape');
  await expect(exportMenu).toBeHidden();
  await expect(exportButton).toBeFocused();
  // Tab out of the menu closes it too, from its button.
  await exportButton.press('Enter');
  await expect(exportMenu.getByRole('menuitem').first()).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(exportMenu).toBeHidden();

  // The dialogs of the top bar.
  const dialogs: [string, string][] = [
    ['Hộp thư đi', 'Hộp thư đi'],
    ['Cài đặt', 'Cài đặt tòa soạn'],
    ['Phím tắt', 'Phím tắt'],
  ];
  for (const [buttonName, dialogName] of dialogs) {
    const button = page.getByRole('banner').getByRole('button', { name: buttonName, exact: true });
    await openByKeyboard(button);
    const dialog = page.getByRole('dialog', { name: dialogName });
    await expect(dialog).toBeVisible();
    await expect(button).not.toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(button, `Escape from “${dialogName}”`).toBeFocused();
    // Closed with its own button, by mouse this time.
    await button.click();
    await dialog.getByRole('button', { name: 'Đóng' }).click();
    await expect(dialog).toBeHidden();
    await expect(button, `“Đóng” in “${dialogName}”`).toBeFocused();
  }

  // The shortcut sheet opened with Ctrl+/ from the editor gives the focus back to the editor.
  const editor = page.locator('.ProseMirror');
  await editor.click();
  await page.keyboard.press('Control+/');
  await expect(page.getByRole('dialog', { name: 'Phím tắt' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Phím tắt' })).toBeHidden();
  await expect(editor).toBeFocused();

  // The date picker of the deadline field.
  const deadline = inspector.getByRole('group', { name: 'Hạn nộp bài' });
  const calendarButton = deadline.getByRole('button', { name: 'Hạn nộp bài: mở lịch' });
  await openByKeyboard(calendarButton);
  const grid = page.getByRole('dialog', { name: 'Hạn nộp bài: chọn ngày' });
  await expect(grid.locator('.rdp-today button')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(grid).toBeHidden();
  await expect(calendarButton).toBeFocused();
});

test('the story list is one Tab stop: Tab from the search reaches it, arrows move, Enter opens, one more Tab leaves it', async ({ page, host }) => {
  const headlines = Array.from({ length: 50 }, (_, i) => `Tin số ${String(i + 1).padStart(2, '0')}: thời tiết miền Bắc`);
  for (const headline of headlines) await host.api('stories.create', { headline });
  await page.goto(host.url);
  const list = page.getByRole('list', { name: 'Bài viết' });
  await expect(list.locator('.story-row-open').first()).toBeVisible();
  // One row in the tab order, however many are drawn.
  await expect(list.locator('.story-row-open[tabindex="0"]')).toHaveCount(1);

  // From the search box past the three filters, then into the list.
  await page.getByRole('searchbox', { name: 'Tìm bài (có dấu hoặc không dấu)' }).focus();
  const inList = () => page.evaluate(() => document.activeElement?.classList.contains('story-row-open') ?? false);
  let presses = 0;
  while (!(await inList()) && presses < 6) {
    await page.keyboard.press('Tab');
    presses += 1;
  }
  expect(presses, 'search, category, order, author, then the list').toBe(4);
  const rows = list.locator('.story-row-open');
  const first = await page.evaluate(() => document.activeElement?.textContent ?? '');

  // The arrows walk the list and Enter opens the row reached.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const third = rows.nth(2);
  await expect(third).toBeFocused();
  const headline = (await third.locator('.story-row-headline').textContent())!;
  expect(headline).not.toBe(first);
  await page.keyboard.press('Enter');
  await expect(page.locator('.ProseMirror .story-headline')).toHaveText(headline);

  // Back in the list, the row last focused is the stop; one Tab leaves the list.
  await third.focus();
  await page.keyboard.press('Tab');
  expect(await inList()).toBe(false);
  await expect(list.locator(':focus')).toHaveCount(0);
  // And Shift+Tab comes back to the same row, not to the last of fifty.
  await page.keyboard.press('Shift+Tab');
  await expect(third).toBeFocused();
});

test('the calendar’s stories are one Tab stop too, walked with the arrows', async ({ page, host }) => {
  // Late today: on this week's page and in the agenda (today's or, past them, overdue), whenever the test runs.
  const today = zonedDateKey(new Date(), zone);
  for (const [i, hour] of ['23:57', '23:58', '23:59'].entries()) {
    const story = await host.api('stories.create', { headline: `Hạn nộp ${i + 1}: họp báo Bộ Y tế` });
    await host.api('stories.update', { id: story.id, baseRevision: story.revision, changes: { deadline: { at: wallClockToInstant(today, hour, zone), timeZone: zone } } });
  }
  await page.goto(host.url);
  await page.getByRole('tab', { name: 'Lịch' }).click();
  // The agenda above the days and the days themselves: one list for the keyboard.
  const calendar = page.locator('.calendar-panel');
  await expect(page.getByRole('region', { name: 'Xem tin theo ngày' })).toBeVisible();
  const entries = calendar.locator('.calendar-entry-open');
  await expect.poll(() => entries.count()).toBeGreaterThanOrEqual(3);
  await expect(calendar.locator('.calendar-entry-open[tabindex="0"]')).toHaveCount(1);
  await entries.first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(entries.nth(1)).toBeFocused();
  await expect(entries.nth(1)).toHaveAttribute('tabindex', '0');
  await expect(calendar.locator('.calendar-entry-open[tabindex="0"]')).toHaveCount(1);
  await page.keyboard.press('Tab');
  await expect(calendar.locator('.calendar-entry-open:focus')).toHaveCount(0);
});
