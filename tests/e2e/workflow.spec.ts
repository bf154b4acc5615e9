import { expect, startNewStory, storyPage, test, waitUntilSaved } from './webHostFixture';

const headline = 'Thông xe đường ven biển Hạ Long – Cẩm Phả';
const caption = 'Toàn cảnh lễ thông xe sáng 12/1.';

test('a photo without a caption holds a story back from “Duyệt” until it has one; the list then shows it approved', async ({ page, host }) => {
  await page.goto(host.url);
  await startNewStory(page);
  const story = storyPage(page);
  await page.keyboard.type(headline);
  await page.keyboard.press('Enter');
  await page.keyboard.type('Sáng 12/1, tỉnh Quảng Ninh tổ chức lễ thông xe tuyến đường dài 16 km.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Tuyến đường giúp giảm ùn tắc cho quốc lộ 18.');
  await page.getByTestId('photo-file').setInputFiles('tests/fixtures/ven-bien.jpg');
  const figure = story.editor.locator('figure');
  await expect(figure.locator('img')).toBeVisible();
  await waitUntilSaved(page);

  const inspector = page.getByRole('complementary', { name: 'Thông tin bài' });
  const moves = inspector.getByRole('group', { name: 'Chuyển trạng thái' });
  const status = inspector.getByTestId('workflow-status');
  await expect(status).toHaveText('Nháp');
  await moves.getByRole('button', { name: 'Gửi duyệt' }).click();
  await expect(status).toHaveText('Chờ duyệt');

  await moves.getByRole('button', { name: 'Duyệt', exact: true }).click();
  const checklist = inspector.getByRole('alert', { name: 'Danh sách cần sửa' });
  await expect(checklist).toContainText('Chưa thể “Duyệt”');
  await expect(checklist.getByRole('listitem')).toHaveText(['Ảnh 1 chưa có chú thích.']);
  await expect(checklist.getByRole('button', { name: 'Vẫn chuyển' })).toHaveCount(0);
  await expect(status).toHaveText('Chờ duyệt');
  await page.screenshot({ path: test.info().outputPath('workflow-refused.png') });

  await figure.locator('figcaption').click();
  await page.keyboard.type(caption);
  await waitUntilSaved(page);
  await moves.getByRole('button', { name: 'Duyệt', exact: true }).click();
  await expect(status).toHaveText('Đã duyệt');
  await expect(checklist).toBeHidden();
  await waitUntilSaved(page);

  const row = page.locator('.story-row', { hasText: headline });
  await expect(row.locator('.badge')).toHaveText('Đã duyệt');
  const saved = (await host.storiesOnDisk()).find((s) => s.headline === headline)!;
  expect(saved.status).toBe('ready');
  expect((saved.statusHistory as { status: string }[]).map((entry) => entry.status)).toEqual(['submitted', 'ready']);

  // Before publishing, the whole checklist: what is still missing, every item at once.
  await inspector.getByRole('button', { name: 'Kiểm tra trước khi đăng' }).click();
  const checked = inspector.getByRole('status', { name: 'Danh sách cần sửa' });
  await expect(checked.getByRole('listitem')).toHaveText([
    'Chưa chọn chuyên mục.',
    'Ảnh 1 chưa ghi tác giả ảnh.',
    'Chưa đặt ảnh đại diện.',
    'Chưa có nơi đăng: bật WordPress hoặc thư mục trong Cài đặt → Xuất bản. Mở Cài đặt → Xuất bản',
  ]);
  await page.screenshot({ path: test.info().outputPath('workflow-checklist.png') });
});
