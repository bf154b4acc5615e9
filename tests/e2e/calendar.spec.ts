import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { addDays } from '../../shared/schedule/civilDate';
import { wallClockToInstant } from '../../shared/schedule/wallClockToInstant';
import type { Story } from '../../shared/story/storySchema';
import { zonedParts } from '../../shared/text/formatDateTime';
import { formatVietnameseDate, formatVietnameseDateTime, zonedDateKey } from '../../shared/text/vietnameseDate';
import { expect, storyPage, test, waitUntilSaved, type RunningHost } from './webHostFixture';

const zone = 'Asia/Ho_Chi_Minh';
const zoneLabel = 'Giờ Hà Nội (GMT+7)';

/** A story with everything the pre-publish checklist asks for (a captioned, credited photo and a featured image), moved to Đã duyệt. */
async function seedReadyStory(host: RunningHost, headline: string): Promise<Story> {
  const photo = await host.api('media.import', {
    fileName: 'ven-bien.jpg',
    dataBase64: (await readFile('tests/fixtures/ven-bien.jpg')).toString('base64'),
  });
  const story = await host.api('stories.create', {
    headline,
    sapo: 'Sáng 12/1, tỉnh Quảng Ninh tổ chức lễ thông xe tuyến đường dài 16 km.',
    category: 'Thời sự',
    body: {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Tuyến đường giúp giảm ùn tắc cho quốc lộ 18.' }] },
        { type: 'figure', attrs: { mediaId: photo.id, credit: 'Ảnh: Minh Đức', alt: '' }, content: [{ type: 'text', text: 'Toàn cảnh lễ thông xe sáng 12/1.' }] },
      ],
    },
    featuredImage: { mediaId: photo.id, caption: 'Lễ thông xe', alt: '' },
  });
  await host.api('stories.transition', { id: story.id, to: 'submitted' });
  return host.api('stories.transition', { id: story.id, to: 'ready' });
}

async function seedDraft(host: RunningHost, headline: string, deadline?: string): Promise<Story> {
  const story = await host.api('stories.create', { headline, sapo: 'Sapo của bài.', category: 'Xã hội' });
  if (!deadline) return story;
  return host.api('stories.update', { id: story.id, baseRevision: story.revision, changes: { deadline: { at: deadline, timeZone: zone } } });
}

/** A day as the date fields show and take it, day first: `27/11/2026` from `2026-11-27`. */
const typed = (key: string) => key.split('-').reverse().join('/');

/** A calendar day as the calendar names its region: `Thứ 6, 27/11/2026`. */
const dayName = (key: string) => formatVietnameseDate(wallClockToInstant(key, '12:00', zone), zone);

async function openStory(page: Page, headline: string): Promise<void> {
  await page.locator('.story-row-open', { hasText: headline }).click();
  await expect(storyPage(page).headline).toHaveText(headline);
}

test.describe('on a laptop set to New York', () => {
  test.use({ timezoneId: 'America/New_York' });

  test('a story scheduled for 06:00 tomorrow in Hà Nội is kept as 23:00 UTC the day before and sits on the Hà Nội day, not the New York one', async ({ page, host }) => {
    const headline = 'Thông xe đường ven biển Hạ Long – Cẩm Phả';
    await seedReadyStory(host, headline);
    const today = zonedDateKey(new Date(), zone);
    const tomorrow = addDays(today, 1);
    const publishAt = `${today}T23:00:00.000Z`;
    expect(wallClockToInstant(tomorrow, '06:00', zone)).toBe(publishAt);

    await page.goto(host.url);
    // The laptop's own calendar puts that moment on the evening before: the day the calendar must NOT use.
    const newYorkDay = await page.evaluate((iso) => {
      const d = new Date(iso);
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')} ${d.getHours()}`;
    }, publishAt);
    expect(newYorkDay).toMatch(new RegExp(`^${today} (18|19)$`));

    await openStory(page, headline);
    const inspector = page.getByRole('complementary', { name: 'Thông tin bài' });
    const status = inspector.getByTestId('workflow-status');
    await expect(status).toHaveText('Đã duyệt');

    // The picker opens on tomorrow 06:00 on the newsroom's clock, the zone named beside it.
    const picker = inspector.getByRole('form', { name: 'Hẹn giờ đăng' });
    await expect(picker.getByLabel('Giờ đăng: ngày')).toHaveValue(typed(tomorrow));
    await expect(picker.getByLabel('Giờ đăng: giờ')).toHaveValue('06:00');
    await expect(picker).toContainText(`${dayName(tomorrow)}, 06:00`);
    await expect(picker).toContainText(zoneLabel);
    await picker.getByRole('button', { name: 'Hẹn giờ', exact: true }).click();
    // Asked once; this library has nowhere to send it, which the story then says wherever its status shows.
    await page.getByRole('alertdialog', { name: /^Hẹn giờ lúc .*, dù chưa có nơi đăng\?$/ }).getByRole('button', { name: 'Vẫn hẹn giờ' }).click();

    await expect(status).toHaveText('Hẹn giờ · chưa gửi đi');
    await expect(inspector.getByTestId('schedule-publishAt')).toContainText(`Hẹn đăng:${formatVietnameseDateTime(publishAt, zone)} ${zoneLabel}`);
    await expect(inspector.getByTestId('schedule-publishAt')).toContainText('| 06:00:00');
    const moves = inspector.getByRole('group', { name: 'Chuyển trạng thái' });
    await expect(moves.getByRole('button')).toHaveText(['Huỷ hẹn giờ', 'Đăng ngay', 'Kiểm tra trước khi đăng']);
    await page.screenshot({ path: test.info().outputPath('calendar-scheduled-panel.png') });

    const saved = (await host.storiesOnDisk()).find((s) => s.headline === headline)!;
    expect(saved.status).toBe('scheduled');
    expect(saved.publishAt).toEqual({ at: publishAt, timeZone: zone });

    // The calendar's week puts it under the Hà Nội day, at 06:00.
    await page.getByRole('tab', { name: 'Lịch' }).click();
    const calendar = page.getByRole('region', { name: 'Xem tin theo ngày' });
    await calendar.getByRole('textbox', { name: 'Đến ngày' }).fill(typed(tomorrow));
    const dayOf = (key: string) => calendar.getByRole('region', { name: dayName(key), exact: true });
    const entry = dayOf(tomorrow).getByRole('button', { name: headline });
    await expect(entry).toContainText('06:00');
    await expect(entry).toContainText('Đăng');
    await expect(entry.locator('.badge')).toHaveText('Hẹn giờ · chưa gửi đi');
    await expect(calendar.getByRole('button', { name: headline })).toHaveCount(1);
    await page.screenshot({ path: test.info().outputPath('calendar-week.png') });

    // Day by day: today in Hà Nội (the New York day of the moment) has nothing; the next day has it.
    await calendar.getByRole('group', { name: 'Kiểu xem lịch' }).getByRole('button', { name: 'Ngày' }).click();
    await calendar.getByRole('button', { name: 'Hôm nay' }).click();
    await expect(calendar.getByRole('heading', { level: 2 })).toHaveText(dayName(today));
    await expect(dayOf(today)).toContainText('Không có bài');
    await expect(dayOf(today).getByRole('button', { name: headline })).toHaveCount(0);
    await calendar.getByRole('button', { name: 'Ngày sau' }).click();
    await expect(calendar.getByRole('heading', { level: 2 })).toHaveText(dayName(tomorrow));
    await expect(dayOf(tomorrow).getByRole('button', { name: headline })).toContainText('06:00');
    // The arrow keys turn the days too.
    await dayOf(tomorrow).getByRole('button', { name: headline }).focus();
    await page.keyboard.press('ArrowLeft');
    await expect(calendar.getByRole('heading', { level: 2 })).toHaveText(dayName(today));
    await page.keyboard.press('ArrowRight');
    await expect(dayOf(tomorrow).getByRole('button', { name: headline })).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('calendar-day.png') });
  });
});

test('a deadline set in the inspector is on today’s agenda; a draft past its deadline is under “Quá hạn” and opens from there', async ({ page, host }) => {
  const now = Date.now();
  const today = zonedDateKey(new Date(now), zone);
  // A deadline later today, on the newsroom's clock; too near midnight there is no "later today" to pick.
  test.skip(zonedDateKey(new Date(now + 10 * 60_000), zone) !== today, 'too close to midnight in Hà Nội');
  const dueHeadline = 'Họp báo công bố quy hoạch tỉnh Quảng Ninh';
  const lateHeadline = 'Ảnh hưởng của bão số 3 tới nông dân Hải Dương';
  await seedDraft(host, lateHeadline, new Date(now - 2 * 3600_000).toISOString());
  await seedDraft(host, dueHeadline);

  await page.goto(host.url);
  await openStory(page, dueHeadline);
  const inspector = page.getByRole('complementary', { name: 'Thông tin bài' });
  const deadline = inspector.getByRole('group', { name: 'Hạn nộp bài' });
  await deadline.getByLabel('Hạn nộp bài: ngày').fill(typed(today));
  await deadline.getByLabel('Hạn nộp bài: giờ').fill('23:59');
  await expect(deadline).toContainText(`${dayName(today)}, 23:59`);
  await expect(deadline).toContainText(zoneLabel);
  await waitUntilSaved(page);
  await expect.poll(async () => (await host.storiesOnDisk()).find((s) => s.headline === dueHeadline)?.deadline).toEqual({ at: wallClockToInstant(today, '23:59', zone), timeZone: zone });

  await page.getByRole('tab', { name: 'Lịch' }).click();
  const todays = page.getByRole('region', { name: /^Hôm nay/ });
  const overdue = page.getByRole('region', { name: /^Quá hạn/ });
  await expect(todays.getByRole('button', { name: dueHeadline })).toContainText('23:59');
  await expect(todays.getByRole('button', { name: dueHeadline })).toContainText('Hạn nộp');
  await expect(todays.getByRole('button', { name: lateHeadline })).toHaveCount(0);
  const late = overdue.getByRole('button', { name: lateHeadline });
  await expect(late).toContainText('Hạn nộp');
  await expect(late.locator('.badge')).toHaveText('Nháp');
  await expect(overdue.getByRole('button', { name: dueHeadline })).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('calendar-agenda.png') });

  await late.click();
  await expect(storyPage(page).headline).toHaveText(lateHeadline);

  // Cleared, the deadline leaves the agenda.
  await todays.getByRole('button', { name: dueHeadline }).click();
  await expect(storyPage(page).headline).toHaveText(dueHeadline);
  await inspector.getByRole('button', { name: 'Xoá hạn nộp bài' }).click();
  await waitUntilSaved(page);
  await expect(todays.getByRole('button', { name: dueHeadline })).toHaveCount(0);
  await expect(todays).toContainText('Hôm nay chưa có hạn nào.');
  expect((await host.storiesOnDisk()).find((s) => s.headline === dueHeadline)?.deadline).toBeNull();
});

test('a deadline ten minutes away brings a reminder once, which opens the story; a reload does not repeat it', async ({ page, host }) => {
  const headline = 'Kết quả kỳ thi tốt nghiệp THPT tại Hà Tĩnh';
  await seedDraft(host, 'Bài khác trong thư viện');
  await seedDraft(host, headline);
  await page.goto(host.url);
  await openStory(page, headline);

  // Ten minutes from now on the newsroom's clock, picked in the inspector as a reporter would.
  const due = zonedParts(new Date(Date.now() + 10 * 60_000), zone);
  const inspector = page.getByRole('complementary', { name: 'Thông tin bài' });
  await inspector.getByLabel('Hạn nộp bài: ngày').fill(`${due.day}/${due.month}/${due.year}`);
  await inspector.getByLabel('Hạn nộp bài: giờ').fill(`${due.hour}:${due.minute}`);
  await waitUntilSaved(page);

  const reminder = page.getByRole('status').filter({ hasText: 'đến hạn nộp' });
  await expect(reminder).toHaveText(new RegExp(`Còn (9|10) phút đến hạn nộp “${headline}” \\(${due.hour}:${due.minute}\\)`));
  await expect(reminder).toHaveCount(1);
  await page.screenshot({ path: test.info().outputPath('calendar-reminder.png') });

  await openStory(page, 'Bài khác trong thư viện');
  await reminder.getByRole('button', { name: 'Mở bài' }).click();
  await expect(storyPage(page).headline).toHaveText(headline);
  await expect(reminder).toHaveCount(0);

  // Remembered across a reload: the reminders are checked again, and this one stays quiet.
  const checked = page.waitForResponse((response) => response.url().includes('/api/stories.calendar') && response.ok());
  await page.reload();
  await checked;
  await expect(storyPage(page).editor).toBeVisible();
  await page.waitForTimeout(1_000);
  await expect(reminder).toHaveCount(0);
});
