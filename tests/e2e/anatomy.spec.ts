import { formatVietnameseDate } from '../../shared/text/vietnameseDate';
import { expect, startNewStory, storyPage, test, textOf, waitUntilSaved, writeNewStory } from './webHostFixture';

const caption = 'Đại tướng Lương Cường phát biểu chỉ đạo tại hội nghị.';

test('every part of a story is kept: kicker to source line, and a photo with caption and credit', async ({ page, host }) => {
  await page.goto(host.url);
  await startNewStory(page);
  const story = storyPage(page);
  await page.keyboard.type('Thông xe đường ven biển Hạ Long – Cẩm Phả');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Sáng 12/1, tỉnh tổ chức lễ thông xe tuyến đường dài 16 km.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Tuyến đường giúp giảm ùn tắc cho quốc lộ 18.');
  await story.kicker.click();
  await page.keyboard.type('Giao thông');

  await story.bodyText.first().click();
  await page.keyboard.press('End');
  await page.getByTestId('photo-file').setInputFiles('tests/fixtures/ven-bien.jpg');
  const figure = story.editor.locator('figure');
  await expect(figure.locator('img')).toBeVisible();
  await expect(page.getByTestId('missing-captions')).toHaveText('1 ảnh thiếu chú thích');
  await page.keyboard.type(caption);
  await expect(page.getByTestId('missing-captions')).toBeHidden();
  await figure.getByRole('textbox', { name: 'Tác giả ảnh' }).fill('Ảnh: Minh Đức');
  await figure.getByRole('textbox', { name: 'Mô tả ảnh (cho người khiếm thị)' }).fill('Toàn cảnh lễ thông xe');

  const inspector = page.getByRole('complementary', { name: 'Thông tin bài' });
  await inspector.getByRole('combobox', { name: 'Chuyên mục' }).selectOption('Thời sự');
  await inspector.getByRole('combobox', { name: 'Thể loại' }).selectOption('phong-su');
  await inspector.getByRole('textbox', { name: 'Từ khoá' }).fill('Quảng Ninh, giao thông');
  await inspector.getByRole('textbox', { name: 'Tác giả' }).fill('Minh Đức, Thu Hà');
  await inspector.getByRole('textbox', { name: 'Nơi đưa tin' }).fill('Quảng Ninh');
  await inspector.getByRole('textbox', { name: 'Nguồn' }).fill('nhandan.vn');
  await inspector.getByRole('textbox', { name: /Ghi chú cho ban biên tập/ }).fill('Chờ ảnh thêm từ phóng viên ảnh.');
  await inspector.getByRole('textbox', { name: /Ghi chú cho ban biên tập/ }).blur();
  await waitUntilSaved(page);

  const saved = (await host.storiesOnDisk()).find((s) => s.headline === 'Thông xe đường ven biển Hạ Long – Cẩm Phả')!;
  expect(saved).toMatchObject({
    kicker: 'Giao thông',
    sapo: 'Sáng 12/1, tỉnh tổ chức lễ thông xe tuyến đường dài 16 km.',
    category: 'Thời sự',
    storyType: 'phong-su',
    tags: ['Quảng Ninh', 'giao thông'],
    bylines: ['Minh Đức', 'Thu Hà'],
    dateline: 'Quảng Ninh',
    source: 'nhandan.vn',
    ednote: 'Chờ ảnh thêm từ phóng viên ảnh.',
  });
  const storedFigure = (saved.body as { content: { type: string; attrs?: Record<string, unknown> }[] }).content.find((n) => n.type === 'figure')!;
  expect(storedFigure.attrs).toMatchObject({ credit: 'Ảnh: Minh Đức', alt: 'Toàn cảnh lễ thông xe', mediaId: expect.stringMatching(/^[a-f0-9]{64}$/) });
  expect(textOf(storedFigure)).toBe(caption);

  await page.reload();
  await expect(story.kicker).toHaveText('Giao thông');
  await expect(story.headline).toHaveText('Thông xe đường ven biển Hạ Long – Cẩm Phả');
  await expect(figure.locator('figcaption')).toHaveText(caption);
  await expect(figure.getByRole('textbox', { name: 'Tác giả ảnh' })).toHaveValue('Ảnh: Minh Đức');
  await expect(inspector.getByRole('combobox', { name: 'Thể loại' })).toHaveValue('phong-su');
  await expect(inspector.getByRole('textbox', { name: 'Nguồn' })).toHaveValue('nhandan.vn');

  const draftLine = () => `Bản nháp · ${formatVietnameseDate(new Date(), 'Asia/Ho_Chi_Minh')}`;
  const before = draftLine();
  await page.getByRole('button', { name: 'Xem trước' }).click();
  const preview = page.getByRole('document', { name: 'Bản xem trước' });
  // A draft has no publish time yet: the page says so, with the day it is looked at (either side of a midnight
  // passing meanwhile), not the time of its last save.
  await expect(preview.locator('.time-line')).toHaveText(/^Bản nháp · /);
  expect([before, draftLine()]).toContain(await preview.locator('.time-line').textContent());
  await expect(preview.locator('figure > img + figcaption .caption')).toHaveText(caption);
  await expect(preview.locator('figcaption .credit')).toHaveText('Ảnh: Minh Đức');
  await expect(preview.locator('.sapo')).toHaveText('QUẢNG NINH – Sáng 12/1, tỉnh tổ chức lễ thông xe tuyến đường dài 16 km.');
  await expect(preview.locator('p').last()).toHaveText('Theo: nhandan.vn');
  await page.screenshot({ path: test.info().outputPath('preview.png') });
});

/** The steps a Telex input method shows while a word is typed: the bare letters, then the word with its marks. */
function telexSteps(word: string): string[] {
  const bare = word.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
  const steps = [...bare].map((_, i) => bare.slice(0, i + 1));
  return bare === word ? steps : [...steps, word];
}

test('text composed by an input method is stored exactly, and decomposed text is stored composed', async ({ page, host }) => {
  await page.goto(host.url);
  await startNewStory(page);
  const cdp = await page.context().newCDPSession(page);
  const compose = async (sentence: string) => {
    const words = sentence.split(' ');
    for (const [i, word] of words.entries()) {
      for (const step of telexSteps(word)) await cdp.send('Input.imeSetComposition', { text: step, selectionStart: step.length, selectionEnd: step.length });
      await cdp.send('Input.insertText', { text: word });
      if (i < words.length - 1) await cdp.send('Input.insertText', { text: ' ' });
    }
  };
  const headline = 'Tăng cường phối hợp các cơ quan chức năng';
  const sentence = 'Bí thư Tỉnh ủy Quảng Ninh khẳng định đường ven biển được hoàn thành vượt tiến độ.';
  await compose(headline);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await compose(sentence);
  await page.keyboard.insertText(' Lễ thông xe ở Cẩm Phả.'.normalize('NFD'));
  await waitUntilSaved(page);

  const { headline: shown, bodyText } = storyPage(page);
  await expect(shown).toHaveText(headline);
  const saved = (await host.storiesOnDisk()).find((s) => s.headline === headline);
  expect(saved, 'the composed headline is stored exactly').toBeDefined();
  expect(textOf(saved!.body)).toBe(`${sentence} Lễ thông xe ở Cẩm Phả.`);
  expect(textOf(saved!.body)).toBe(textOf(saved!.body).normalize('NFC'));
  await expect(bodyText.first()).toHaveText(new RegExp(`^${sentence.replace('.', '\\.')}`));
});

test('pasted HTML keeps its structure and loses everything hostile', async ({ page, host }) => {
  let dialogs = 0;
  page.on('dialog', (dialog) => {
    dialogs++;
    void dialog.dismiss();
  });
  await writeNewStory(page, host, 'Bài dán từ Word');
  const html = [
    '<meta charset="utf-8"><style>p { color: red }</style>',
    '<h1 style="font-family: Comic Sans MS">Tiêu đề trong Word</h1>',
    '<p class="MsoNormal" onclick="window.__pwned = 1">Tin <b>quan trọng</b> và <span style="font-style:italic">nghiêng</span><o:p></o:p></p>',
    '<img src="x" onerror="window.__pwned = 2; alert(1)">',
    '<script>window.__pwned = 3</script>',
    '<p><a href="javascript:window.__pwned = 4">bấm vào đây</a> hoặc <a href="https://nhandan.vn/" onmouseover="window.__pwned = 5">nhandan.vn</a></p>',
    '<iframe src="https://example.org/"></iframe>',
    '<ul><li>Ý một</li><li>Ý hai</li></ul>',
    '<table><tr><td>Ô một</td><td>Ô hai</td></tr></table>',
    '<p><font face="Wingdings">Chữ font lạ</font></p>',
  ].join('');
  await page.getByRole('textbox', { name: 'Soạn bài' }).evaluate((editor, pasted) => {
    const data = new DataTransfer();
    data.setData('text/html', pasted);
    data.setData('text/plain', 'plain');
    editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, html);
  const editor = storyPage(page).editor;
  await expect(editor.locator('strong')).toHaveText('quan trọng');
  await waitUntilSaved(page);
  await page.waitForTimeout(300);

  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toBe(0);
  const saved = (await host.storiesOnDisk()).find((s) => s.headline === 'Bài dán từ Word')!;
  const json = JSON.stringify(saved.body);
  for (const hostile of ['onerror', 'onclick', 'onmouseover', '__pwned', 'javascript:', 'script', 'iframe', 'example.org', 'Comic', 'Wingdings', 'MsoNormal', 'color: red']) {
    expect(json, hostile).not.toContain(hostile);
  }
  expect(json).toContain('"type":"heading","attrs":{"level":2},"content":[{"type":"text","text":"Tiêu đề trong Word"}]');
  expect(json).toMatch(/"marks":\[\{"type":"italic"\}\],"text":"nghiêng"|"text":"nghiêng","marks":\[\{"type":"italic"\}\]/);
  expect(json).toContain('"type":"bulletList"');
  expect(json).toContain('"href":"https://nhandan.vn');
  expect(json).toContain('bấm vào đây');
  const paragraphs = (saved.body as { content: { type: string }[] }).content.filter((n) => n.type === 'paragraph').map(textOf);
  expect(paragraphs).toEqual(expect.arrayContaining(['Ô một', 'Ô hai', 'Chữ font lạ']));
});

test('the word count of a known Vietnamese paragraph is the count a desk would make', async ({ page, host }) => {
  await page.goto(host.url);
  await startNewStory(page);
  await page.keyboard.type('Đếm chữ');
  await page.keyboard.press('Enter');
  // 18 chữ in the sapo and 11 in the body ("14/5" is one, the dash none); the headline is not counted.
  await page.keyboard.insertText('Tăng cường phối hợp các cơ quan chức năng trong công tác bảo vệ chính trị nội bộ.');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('Hội nghị diễn ra sáng 14/5 tại Hạ Long – Quảng Ninh.');
  await expect(page.getByTestId('word-count')).toHaveText('29 chữ');
  await expect(page.getByText('Tin: 300–500 chữ')).toBeVisible();
});

test('the tone marks of a whole story follow the newsroom style, in one undoable step', async ({ page, host }) => {
  await page.goto(host.url);
  await startNewStory(page);
  await page.keyboard.insertText('Sức khoẻ của Tỉnh uỷ');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('Bí thư Tỉnh uỷ khẳng định hoà bình, quý giá.');
  const { headline, sapo } = storyPage(page);
  await page.getByRole('button', { name: /Chuẩn hoá dấu thanh cả bài/ }).click();
  await expect(headline).toHaveText('Sức khỏe của Tỉnh ủy');
  await expect(sapo).toHaveText('Bí thư Tỉnh ủy khẳng định hòa bình, quý giá.');
  await waitUntilSaved(page);
  expect((await host.storiesOnDisk()).some((s) => s.headline === 'Sức khỏe của Tỉnh ủy')).toBe(true);
  await sapo.click();
  await page.keyboard.press('Control+z');
  await expect(sapo).toHaveText('Bí thư Tỉnh uỷ khẳng định hoà bình, quý giá.');

  // A newsroom that prints the old style picks it once in settings.
  await page.keyboard.press('End');
  await page.keyboard.insertText(' Sức khỏe là vàng.');
  await page.getByRole('button', { name: 'Cài đặt' }).click();
  const settings = page.getByRole('dialog', { name: 'Cài đặt tòa soạn' });
  await settings.getByRole('combobox', { name: 'Kiểu đặt dấu thanh' }).selectOption('old');
  await settings.getByRole('button', { name: 'Đóng' }).click();
  await page.getByRole('button', { name: 'Chuẩn hoá dấu thanh cả bài (hoà, thuý, khoẻ)' }).click();
  await expect(headline).toHaveText('Sức khoẻ của Tỉnh uỷ');
  await expect(sapo).toHaveText('Bí thư Tỉnh uỷ khẳng định hoà bình, quý giá. Sức khoẻ là vàng.');
});

test('focus mode hides everything but the page, and the shortcut sheet lists the keys', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(storyPage(page).headline).toHaveText('Chào mừng đến với Dateline');
  await page.keyboard.press('Control+/');
  const sheet = page.getByRole('dialog', { name: 'Phím tắt' });
  await expect(sheet).toBeVisible();
  await expect(sheet.getByRole('row', { name: /Đậm Ctrl\+B/ })).toBeVisible();
  await sheet.getByRole('button', { name: 'Đóng' }).click();
  await expect(sheet).toBeHidden();

  await page.keyboard.press('Control+Shift+F');
  await expect(page.getByRole('navigation', { name: 'Bài viết' })).toBeHidden();
  await expect(page.getByRole('complementary', { name: 'Thông tin bài' })).toBeHidden();
  await expect(storyPage(page).headline).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('navigation', { name: 'Bài viết' })).toBeVisible();
});

test('a very large paste arrives whole and in order, by chunks', async ({ page, host }) => {
  await writeNewStory(page, host, 'Báo cáo dài');
  const html = Array.from({ length: 1200 }, (_, i) => `<p style="margin:0">Đoạn ${i + 1} của báo cáo tổng kết công tác năm.</p>`).join('');
  await storyPage(page).editor.evaluate((editor, pasted) => {
    const data = new DataTransfer();
    data.setData('text/html', pasted);
    editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, html);
  const { bodyText } = storyPage(page);
  await expect(bodyText).toHaveCount(1200);
  await expect(bodyText.first()).toHaveText('Đoạn 1 của báo cáo tổng kết công tác năm.');
  await expect(bodyText.last()).toHaveText('Đoạn 1200 của báo cáo tổng kết công tác năm.');
  await waitUntilSaved(page);
  const saved = (await host.storiesOnDisk()).find((s) => s.headline === 'Báo cáo dài')!;
  const paragraphs = (saved.body as { content: unknown[] }).content.map(textOf);
  expect(paragraphs).toHaveLength(1200);
  expect(paragraphs[599]).toBe('Đoạn 600 của báo cáo tổng kết công tác năm.');
});
