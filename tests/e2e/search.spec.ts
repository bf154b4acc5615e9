import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeStory } from '../support/seedLibrary';
import { expect, storyPage, test } from './webHostFixture';

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const filler = ['Hội nghị tổng kết công tác năm tại ủy ban.', 'Doanh nghiệp mở rộng thị trường xuất khẩu.', 'Ngành giáo dục chuẩn bị kỳ thi tốt nghiệp.'];
/** No sapo, tags, category or dateline of makeStory's own, which speak of Quảng Ninh. */
const plain = { sapo: '', dateline: '', tags: [], category: 'Xã hội' };
const library = [
  makeStory({ headline: 'Bảo vệ chính trị nội bộ trong tình hình mới', category: 'Chính trị', body: { type: 'doc', content: [paragraph('Hội nghị về bảo vệ chính trị nội bộ ở Quảng Ninh.')] } }),
  makeStory({ headline: 'Quảng Ninh thông xe đường ven biển', body: { type: 'doc', content: [paragraph('Tuyến đường dài 16 km.')] } }),
  // "đảng viên" spelt so in two, and look-alikes that fold to the same letters: "đang viện", "đăng … viên", a code.
  makeStory({ ...plain, headline: 'Kết nạp đảng viên mới', body: { type: 'doc', content: [paragraph('Chi bộ kết nạp thêm đảng viên trẻ.')] } }),
  makeStory({ ...plain, headline: 'Sinh hoạt chi bộ định kỳ', body: { type: 'doc', content: [paragraph('Mỗi Đảng viên phải gương mẫu.')] } }),
  makeStory({ ...plain, headline: 'Bệnh viện quá tải', body: { type: 'doc', content: [paragraph('Người bệnh đang viện dẫn quy định.')] } }),
  makeStory({ ...plain, headline: 'Mở cổng đăng ký học phần', body: { type: 'doc', content: [paragraph('Sinh viên đăng ký trực tuyến.')] } }),
  makeStory({ ...plain, headline: 'Hồ sơ mã DANG VIENX24 đã nộp', body: { type: 'doc', content: [paragraph('Hồ sơ đủ.')] } }),
  ...Array.from({ length: 1993 }, (_, i) => makeStory({ headline: `Tin tổng hợp số ${i + 1}`, sapo: '', dateline: '', tags: [], category: 'Kinh tế', body: { type: 'doc', content: [paragraph(filler[i % filler.length]!)] } })),
];

test.use({
  seedDataDir: async ({}, use) =>
    use(async (dataDir: string) => {
      await mkdir(join(dataDir, 'stories'), { recursive: true });
      await Promise.all(library.map((story) => writeFile(join(dataDir, 'stories', `${story.id}.json`), JSON.stringify(story))));
    }),
});

test('typing in the search box narrows 2,000 stories to the ones that match, with or without marks', async ({ page, host }) => {
  await page.goto(host.url);
  const list = page.getByRole('list', { name: 'Bài viết' });
  await expect(page.getByText('2.000 bài')).toBeVisible();
  // Only the rows on screen are in the page, however long the library.
  expect(await list.getByRole('listitem').count()).toBeLessThan(60);
  const box = page.getByRole('searchbox', { name: /Tìm bài/ });
  await box.pressSequentially('bao ve chinh tri noi b');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list.getByRole('button', { name: /Bảo vệ chính trị nội bộ/ })).toBeVisible();
  await expect(list.locator('mark').first()).toHaveText('Bảo');

  await box.fill('quảng ninh');
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list.getByRole('listitem').first()).toContainText('Quảng Ninh thông xe');
  // A filter with the words: only the stories that satisfy both.
  await page.getByRole('group', { name: 'Lọc danh sách' }).getByRole('combobox', { name: 'Chuyên mục' }).selectOption('Chính trị');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list.getByRole('listitem').first()).toContainText('Bảo vệ chính trị nội bộ');
  await page.getByRole('group', { name: 'Lọc danh sách' }).getByRole('combobox', { name: 'Chuyên mục' }).selectOption('');

  await box.fill('xyzzy');
  await expect(page.getByText('Không có bài nào khớp.')).toBeVisible();
  await box.fill('');
  await expect(page.getByText('2.000 bài')).toBeVisible();

  // Arrow keys walk the whole list, loading and drawing rows as they go; Enter opens the story.
  await list.getByRole('listitem').first().getByRole('button').first().focus();
  for (let i = 0; i < 40; i++) await page.keyboard.press('ArrowDown');
  const focused = page.locator('.story-row-open:focus');
  await expect(focused).toBeVisible();
  const row = page.locator('li:has(.story-row-open:focus)');
  await expect(row).toHaveAttribute('aria-posinset', '41');
  const headline = (await focused.locator('.story-row-headline').textContent())!;
  await page.keyboard.press('End');
  await expect(row).toHaveAttribute('aria-posinset', /^\d+$/);
  await page.keyboard.press('Home');
  await expect(row).toHaveAttribute('aria-posinset', '1');
  for (let i = 0; i < 40; i++) await page.keyboard.press('ArrowDown');
  await expect(row).toHaveAttribute('aria-posinset', '41');
  await page.keyboard.press('Enter');
  await expect(storyPage(page).headline).toHaveText(headline);
});

test('with marks typed, the search lists only the stories spelt so, and says when it falls back to matches without marks', async ({ page, host }) => {
  await page.goto(host.url);
  const list = page.getByRole('list', { name: 'Bài viết' });
  await expect(page.getByText('2.000 bài')).toBeVisible();
  const box = page.getByRole('searchbox', { name: /Tìm bài/ });
  const fallbackLine = (query: string) => page.getByText(`Không có bài nào viết đúng “${query}”; đang hiện các bài khớp khi bỏ dấu.`);

  // Not "đang viện", "đăng ký … sinh viên" nor the code: those only fold to the same letters.
  await box.pressSequentially('đảng viên');
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list.getByRole('listitem').first()).toContainText('Kết nạp đảng viên mới');
  await expect(list.getByRole('listitem').nth(1)).toContainText('Sinh hoạt chi bộ định kỳ');
  await expect(list.locator('mark')).toHaveText(['đảng', 'viên']);
  await expect(page.getByText(/Không có bài nào viết đúng/)).toHaveCount(0);

  // No story spells it: the matches without marks, and a line that says so.
  await box.fill('đảng viênx');
  await expect(fallbackLine('đảng viênx')).toBeVisible();
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list.getByRole('listitem').first()).toContainText('Hồ sơ mã DANG VIENX24');
  await expect(list.locator('mark')).toHaveText(['DANG', 'VIENX24']);

  // Without marks, every spelling, as before.
  await box.fill('dang vien');
  await expect(list.getByRole('listitem')).toHaveCount(5);
  await expect(page.getByText(/Không có bài nào viết đúng/)).toHaveCount(0);
  await expect(list.getByRole('listitem').first()).toContainText('Kết nạp đảng viên mới');
});
