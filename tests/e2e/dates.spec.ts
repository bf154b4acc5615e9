import type { Page } from '@playwright/test';
import { addDays } from '../../shared/schedule/civilDate';
import { wallClockToInstant } from '../../shared/schedule/wallClockToInstant';
import { formatVietnameseDate, formatVietnameseDateTime, zonedDateKey } from '../../shared/text/vietnameseDate';
import { publishableStory, tomorrowSixInHanoi } from '../support/publishableStory';
import { expect, test } from './webHostFixture';

// A browser set to American English: a native date input would read and show mm/dd/yyyy and start weeks on Sunday.
test.use({ locale: 'en-US' });

const zone = 'Asia/Ho_Chi_Minh';
/** `27/11/2026` from `2026-11-27`, as the field shows it. */
const typed = (key: string) => key.split('-').reverse().join('/');
/** `Thứ 6, 27/11/2026` (or `Fri, 27/11/2026`): a day button's name, and the day under a field. */
const dayName = (key: string, language = 'vi') => formatVietnameseDate(wallClockToInstant(key, '12:00', zone), zone, language);

async function openStory(page: Page, headline: string): Promise<void> {
  await page.locator('.story-row-open', { hasText: headline }).click();
  // Found by its class, not the editor's name, which is English in the English UI.
  await expect(page.locator('.ProseMirror .story-headline')).toHaveText(headline);
}

test('in a Vietnamese UI on an American browser, the schedule is typed and shown as dd/mm/yyyy, picked on a Thứ 2–Chủ nhật grid by keyboard, and saved as typed', async ({ page, host }, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const story = await publishableStory(host.api, testInfo.outputPath(), 'Khánh thành cầu Rạch Miễu 2');
  const today = zonedDateKey(new Date(), zone);
  const tomorrow = addDays(today, 1);

  await page.goto(host.url);
  await openStory(page, story.headline);
  const inspector = page.getByRole('complementary', { name: 'Thông tin bài' });
  const picker = inspector.getByRole('form', { name: 'Hẹn giờ đăng' });
  const date = picker.getByRole('textbox', { name: 'Giờ đăng: ngày' });
  const time = picker.getByRole('textbox', { name: 'Giờ đăng: giờ' });
  const schedule = picker.getByRole('button', { name: 'Hẹn giờ', exact: true });

  // Tomorrow 06:00 by default, day first.
  await expect(date).toHaveValue(typed(tomorrow));
  await expect(date).toHaveAttribute('placeholder', 'dd/mm/yyyy');
  await expect(time).toHaveValue('06:00');

  // A day no calendar has is refused under the field, and nothing can be scheduled with it.
  await date.fill('31/02/2027');
  await date.press('Tab');
  await expect(picker.getByRole('alert')).toHaveText('Không có ngày 31/02/2027: kiểm tra lại ngày và tháng.');
  await expect(date).toHaveAttribute('aria-invalid', 'true');
  await expect(date).toHaveAccessibleDescription('Không có ngày 31/02/2027: kiểm tra lại ngày và tháng.');
  await expect(schedule).toBeDisabled();
  // Month-first, as the browser's own locale would write it, is not a date either.
  const inTenDays = addDays(today, 10);
  const [year, month, day] = inTenDays.split('-');
  if (Number(day) > 12) {
    await date.fill(`${month}/${day}/${year}`);
    await date.press('Tab');
    await expect(picker.getByRole('alert')).toContainText('Không có ngày');
  }

  // Typed day first: taken as written, whatever the browser's locale.
  await date.fill(typed(inTenDays));
  await time.fill('7:45');
  await time.press('Tab');
  await expect(time).toHaveValue('07:45');
  await expect(picker.getByRole('alert')).toHaveCount(0);
  await expect(picker).toContainText(`${dayName(inTenDays)}, 07:45`);

  // The month grid opens on that day; its weeks run Thứ 2 to Chủ nhật.
  const open = picker.getByRole('button', { name: 'Giờ đăng: mở lịch' });
  await open.click();
  const grid = page.getByRole('dialog', { name: 'Giờ đăng: chọn ngày' });
  await expect(grid).toBeVisible();
  const columns = grid.locator('.rdp-weekday');
  await expect(columns).toHaveText(['T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'CN']);
  await expect(columns.first()).toHaveAttribute('aria-label', 'Thứ 2');
  await expect(columns.last()).toHaveAttribute('aria-label', 'Chủ nhật');
  await expect(grid.getByRole('button', { name: dayName(inTenDays), exact: true })).toBeFocused();
  await page.screenshot({ path: testInfo.outputPath('date-picker-1366.png') });
  await page.setViewportSize({ width: 1024, height: 640 });
  await expect(grid.getByRole('button', { name: dayName(inTenDays), exact: true })).toBeInViewport();
  await page.screenshot({ path: testInfo.outputPath('date-picker-1024.png') });

  // Escape closes it and gives the focus back to the button that opened it; nothing changed.
  await page.keyboard.press('Escape');
  await expect(grid).toBeHidden();
  await expect(open).toBeFocused();
  await expect(date).toHaveValue(typed(inTenDays));

  // By keyboard: a day on, a week on, Enter. The day is back in the text box, which has the focus.
  await open.press('Enter');
  await expect(grid.getByRole('button', { name: dayName(inTenDays), exact: true })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  const picked = addDays(inTenDays, 8);
  await expect(grid.getByRole('button', { name: dayName(picked), exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(grid).toBeHidden();
  await expect(date).toBeFocused();
  await expect(date).toHaveValue(typed(picked));
  await expect(picker).toContainText(`${dayName(picked)}, 07:45`);
  await page.setViewportSize({ width: 1366, height: 768 });

  await schedule.click();
  await page.getByRole('alertdialog', { name: /^Hẹn giờ lúc .*, dù chưa có nơi đăng\?$/ }).getByRole('button', { name: 'Vẫn hẹn giờ' }).click();
  await expect(inspector.getByTestId('workflow-status')).toHaveText('Hẹn giờ · chưa gửi đi');
  const publishAt = wallClockToInstant(picked, '07:45', zone);
  await expect(inspector.getByTestId('schedule-publishAt')).toContainText(formatVietnameseDateTime(publishAt, zone));
  const saved = await host.api('stories.get', { id: story.id });
  expect(saved.publishAt).toEqual({ at: publishAt, timeZone: zone });

  // The calendar, turned to that day by typing it, has the story at 07:45.
  await page.getByRole('tab', { name: 'Lịch' }).click();
  const calendar = page.getByRole('region', { name: 'Xem tin theo ngày' });
  await calendar.getByRole('textbox', { name: 'Đến ngày' }).fill(typed(picked));
  const entry = calendar.getByRole('region', { name: dayName(picked), exact: true }).getByRole('button', { name: story.headline });
  await expect(entry).toContainText('07:45');
  await page.screenshot({ path: testInfo.outputPath('date-field-calendar.png') });
});

test('in English, day names and number grouping are English: “Fri, 27/11/2026”, “1,049 words”; dates stay day first', async ({ page, host }) => {
  const words = Array.from({ length: 1049 }, (_, i) => (i % 2 ? 'tin' : 'bài')).join(' ');
  const long = await host.api('stories.create', { headline: 'Bài dài hơn một nghìn chữ', body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: words }] }] } });
  const scheduled = await publishableStory(host.api, test.info().outputPath(), 'Lễ hội pháo hoa Đà Nẵng');
  const { publishAt } = tomorrowSixInHanoi();
  await host.api('stories.transition', { id: scheduled.id, to: 'scheduled', publishAt });

  await page.goto(host.url);
  await openStory(page, long.headline);
  await expect(page.getByTestId('word-count')).toHaveText('1.049 chữ');

  await page.getByRole('combobox', { name: 'Ngôn ngữ' }).selectOption('en');
  await expect(page.getByTestId('word-count')).toHaveText('1,049 words');

  await openStory(page, scheduled.headline);
  const inspector = page.getByRole('complementary', { name: 'Story details' });
  const facts = inspector.getByTestId('schedule-publishAt');
  await expect(facts).toContainText(formatVietnameseDateTime(publishAt, zone, 'en'));
  await expect(facts).not.toContainText('Thứ');

  // The deadline field in English: typed day first, the day under it and the grid's columns in English.
  const deadline = inspector.getByRole('group', { name: 'Filing deadline' });
  const due = addDays(zonedDateKey(new Date(), zone), 3);
  await deadline.getByRole('textbox', { name: 'Filing deadline: date' }).fill(typed(due));
  await deadline.getByRole('textbox', { name: 'Filing deadline: time' }).fill('18:30');
  await expect(deadline).toContainText(`${dayName(due, 'en')}, 18:30`);
  await deadline.getByRole('button', { name: 'Filing deadline: open the calendar' }).click();
  const grid = page.getByRole('dialog', { name: 'Filing deadline: pick a date' });
  await expect(grid.locator('.rdp-weekday')).toHaveText(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
  await expect(grid.locator('.rdp-weekday').first()).toHaveAttribute('aria-label', 'Monday');
  await expect(grid.getByRole('button', { name: dayName(due, 'en'), exact: true })).toBeFocused();
  await expect(grid).not.toContainText('Thứ');
  await page.screenshot({ path: test.info().outputPath('date-picker-en.png') });
  await page.keyboard.press('Escape');
  await expect(grid).toBeHidden();
  await expect.poll(async () => (await host.api('stories.get', { id: scheduled.id })).deadline).toEqual({ at: wallClockToInstant(due, '18:30', zone), timeZone: zone });
});
