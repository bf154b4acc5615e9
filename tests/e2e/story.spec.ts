import { expect, startNewStory, storyPage, test, textOf, waitUntilSaved, writeNewStory } from './webHostFixture';

const headline = 'Tăng cường phối hợp các cơ quan chức năng';
const sapo = 'Sáng 14/5, UBND tỉnh Quảng Ninh tổ chức hội nghị bảo vệ chính trị nội bộ.';
const typed = 'Đại tướng phát biểu chỉ đạo tại hội nghị.';
const composed = ' Theo Sở Giao thông vận tải, tổng vốn đầu tư hơn 2.000 tỷ đồng.';

test('a reporter writes a Vietnamese story that survives a reload and a host restart', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByRole('button', { name: /Chào mừng đến với Dateline/ })).toBeVisible();

  await startNewStory(page);
  const story = storyPage(page);
  await page.keyboard.type(headline);
  await page.keyboard.press('Enter');
  await page.keyboard.type(sapo);
  await page.keyboard.press('Enter');
  await page.keyboard.type(typed);
  // An input method delivers finished text through insertText, not key by key.
  await page.keyboard.insertText(composed);
  await waitUntilSaved(page);

  await page.reload();
  await expect(story.headline).toHaveText(headline);
  await expect(story.sapo).toHaveText(sapo);
  await expect(story.bodyText).toHaveText([typed + composed]);

  const onDisk = (await host.storiesOnDisk()).find((s) => s.headline === headline);
  expect(onDisk, 'the story is in its own JSON file').toBeDefined();
  expect(onDisk!.sapo).toBe(sapo);
  expect(textOf(onDisk!.body)).toBe(typed + composed);

  await host.stop();
  await host.start();
  await page.goto(host.url);
  await expect(story.headline).toHaveText(headline);
  await expect(story.bodyText).toHaveText([typed + composed]);
  await expect(page.getByRole('status').filter({ hasText: 'Đã lưu lúc' })).toBeVisible();
});

test('formatting from the toolbar is kept in the stored story', async ({ page, host }) => {
  await page.goto(host.url);
  await startNewStory(page);
  const { toolbar, editor } = storyPage(page);
  await page.keyboard.type('Lễ thông xe');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');

  await toolbar.getByRole('button', { name: 'Tiêu đề lớn' }).click();
  await page.keyboard.type('Bối cảnh');
  await page.keyboard.press('Enter');
  await toolbar.getByRole('button', { name: 'Đậm' }).click();
  await page.keyboard.type('Tuyến đường');
  await toolbar.getByRole('button', { name: 'Đậm' }).click();
  await toolbar.getByRole('button', { name: 'Nghiêng' }).click();
  await page.keyboard.type(' ven biển');
  await toolbar.getByRole('button', { name: 'Nghiêng' }).click();
  await toolbar.getByRole('button', { name: 'Gạch chân' }).click();
  await page.keyboard.type(' mới');
  await toolbar.getByRole('button', { name: 'Gạch chân' }).click();
  await page.keyboard.press('Enter');
  await toolbar.getByRole('button', { name: 'Danh sách chấm' }).click();
  await page.keyboard.type('Dài 16 km');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await toolbar.getByRole('button', { name: 'Trích dẫn' }).click();
  await page.keyboard.type('Công trình vượt tiến độ');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await toolbar.getByRole('button', { name: 'Đường kẻ ngang' }).click();
  await page.keyboard.type('Xem thêm');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.press('Control+k');
  await page.getByRole('textbox', { name: 'Địa chỉ liên kết' }).fill('https://baoquangninh.vn/');
  await page.getByRole('button', { name: 'Gắn liên kết' }).click();
  await expect(editor.locator('a[href="https://baoquangninh.vn/"]')).toHaveText('Xem thêm');
  await waitUntilSaved(page);

  const story = (await host.storiesOnDisk()).find((s) => s.headline === 'Lễ thông xe')!;
  const json = JSON.stringify(story.body);
  expect(json).toContain('"type":"heading","attrs":{"level":2}');
  expect(json).toMatch(/"text":"Tuyến đường","marks":\[\{"type":"bold"\}\]|"marks":\[\{"type":"bold"\}\],"text":"Tuyến đường"/);
  expect(json).toContain('"type":"italic"');
  expect(json).toContain('"type":"underline"');
  expect(json).toContain('"type":"bulletList"');
  expect(json).toContain('"type":"blockquote"');
  expect(json).toContain('"type":"horizontalRule"');
  expect(json).toContain('"href":"https://baoquangninh.vn/"');

  await page.reload();
  await expect(editor.locator('h2')).toHaveText('Bối cảnh');
  await expect(editor.locator('strong')).toHaveText('Tuyến đường');
  await expect(editor.locator('em')).toHaveText('ven biển');
  await expect(editor.locator('u')).toHaveText('mới');
  await expect(editor.locator('ul li')).toHaveText('Dài 16 km');
  await expect(editor.locator('blockquote')).toHaveText('Công trình vượt tiến độ');
  await expect(editor.locator('hr')).toHaveCount(1);

  // Undo reaches across the whole story: the headline too.
  await editor.locator('.story-headline').click();
  await page.keyboard.press('End');
  // One insertion, one undo step: typed key by key, a busy machine's pauses split it into several.
  await page.keyboard.insertText(' 2024');
  await expect(editor.locator('.story-headline')).toHaveText('Lễ thông xe 2024');
  await page.keyboard.press('Control+z');
  await expect(editor.locator('.story-headline')).toHaveText('Lễ thông xe');
});

test('a story moved to the trash can be restored', async ({ page, host }) => {
  await page.goto(host.url);
  await startNewStory(page);
  await page.keyboard.type('Bài sẽ vào thùng rác');
  await waitUntilSaved(page);
  const stories = page.getByRole('list', { name: 'Bài viết' });
  await expect(stories.getByRole('button', { name: /Bài sẽ vào thùng rác/ })).toBeVisible();

  await page.getByRole('button', { name: 'Chuyển vào thùng rác' }).click();
  await page.getByRole('alertdialog', { name: 'Bỏ bài “Bài sẽ vào thùng rác” vào thùng rác?' }).getByRole('button', { name: 'Bỏ vào thùng rác' }).click();
  await expect(stories.getByRole('button', { name: /Bài sẽ vào thùng rác/ })).toHaveCount(0);

  await page.getByRole('tab', { name: 'Thùng rác' }).click();
  const trash = page.getByRole('list', { name: 'Thùng rác' });
  await expect(trash.getByRole('button', { name: /Bài sẽ vào thùng rác/ })).toBeVisible();
  await trash.getByRole('button', { name: 'Khôi phục' }).click();

  await expect(page.getByRole('tab', { name: 'Bài viết' })).toHaveAttribute('aria-selected', 'true');
  await expect(stories.getByRole('button', { name: /Bài sẽ vào thùng rác/ })).toBeVisible();
  const { headline } = storyPage(page);
  await expect(headline).toHaveText('Bài sẽ vào thùng rác');
  expect((await host.storiesOnDisk()).find((s) => s.headline === 'Bài sẽ vào thùng rác')!.trashedAt).toBeNull();

  // The restored story is editable again, at the revision now on disk.
  await headline.click();
  await page.keyboard.press('End');
  await page.keyboard.type(' (đã khôi phục)');
  await waitUntilSaved(page);
  expect((await host.storiesOnDisk()).some((s) => s.headline === 'Bài sẽ vào thùng rác (đã khôi phục)')).toBe(true);
});

test('words typed just before switching stories are saved', async ({ page, host }) => {
  await writeNewStory(page, host, 'Tin nhanh');
  await page.keyboard.type('Câu cuối cùng trước khi chuyển bài.');
  // Switch at once, well inside the autosave pause.
  await page.getByRole('button', { name: /Chào mừng đến với Dateline/ }).click();
  await expect(storyPage(page).headline).toHaveText('Chào mừng đến với Dateline');
  await expect
    .poll(async () => textOf((await host.storiesOnDisk()).find((s) => s.headline === 'Tin nhanh')?.body ?? {}))
    .toBe('Câu cuối cùng trước khi chuyển bài.');
});

test('when a save fails the words stay, the reporter can retry, and the save completes', async ({ page, host }) => {
  await page.goto(host.url);
  await startNewStory(page);
  await page.keyboard.type('Mất kết nối');
  await waitUntilSaved(page);

  await host.stop();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Chữ gõ khi máy chủ tắt.');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Bài vẫn còn nguyên trong trình soạn thảo');
  await expect(storyPage(page).bodyText).toHaveText(['Chữ gõ khi máy chủ tắt.']);

  await host.start();
  await alert.getByRole('button', { name: 'Thử lại' }).click();
  await waitUntilSaved(page);
  const story = (await host.storiesOnDisk()).find((s) => s.headline === 'Mất kết nối')!;
  expect(textOf(story.body)).toBe('Chữ gõ khi máy chủ tắt.');
});

test('the interface switches to English and stays so', async ({ page, host }) => {
  await page.goto(host.url);
  // The choice is saved in the settings; the reload below must come after that save, as a reporter's would.
  const saved = page.waitForResponse((response) => response.url().includes('/api/settings.update') && response.ok());
  await page.getByRole('combobox', { name: 'Ngôn ngữ' }).selectOption('en');
  await saved;
  await expect(page.getByRole('button', { name: 'New story' })).toBeVisible();
  await expect(page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Bold' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('button', { name: 'New story' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('words typed just before the page is closed are saved', async ({ page, host }) => {
  await writeNewStory(page, host, 'Đóng vội');
  await page.keyboard.type('Dòng cuối trước khi đóng.');
  // Leave at once, well inside the autosave pause; the page asks to stay while it saves, and the reporter leaves anyway.
  page.on('dialog', (dialog) => void dialog.accept());
  await page.goto('about:blank');
  await expect
    .poll(async () => textOf((await host.storiesOnDisk()).find((s) => s.headline === 'Đóng vội')?.body ?? {}))
    .toBe('Dòng cuối trước khi đóng.');
});
