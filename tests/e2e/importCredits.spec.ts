import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator } from '@playwright/test';
import { buildCreditedPhotosDocx, credited, makeCreditedPhotos } from '../fixtures/wordInOut/creditedPhotosDocx';
import { exiftoolVersion } from '../support/photoFixtures';
import { expect, startNewStory, storyPage, test, waitUntilSaved } from './webHostFixture';

const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const creditLines = credited.photos.map(credited.creditLine);

let workDir: string;
let jpegs: Buffer[] = [];
let docx: Buffer;
test.beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'dateline-credits-'));
  if (exiftoolVersion() === null) return;
  jpegs = await makeCreditedPhotos();
  docx = await buildCreditedPhotosDocx(jpegs);
  for (const [i, jpeg] of jpegs.entries()) await writeFile(join(workDir, `anh-${i}.jpg`), jpeg);
});
test.afterAll(() => rm(workDir, { recursive: true, force: true }));

/** A file handed to the page the way the desktop hands it over: dragged over a target and dropped, or pasted. */
async function handOver(target: Locator, how: 'drop' | 'paste', name: string, bytes: Buffer, type: string): Promise<void> {
  await target.evaluate(
    (element, { how, name, base64, type }) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], name, { type }));
      if (how === 'paste') element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
      else {
        // Dropped on the last line of the target, where a reporter lets go of it.
        const rect = (element.lastElementChild ?? element).getBoundingClientRect();
        const at = { clientX: rect.left + rect.width / 2, clientY: rect.top + rect.height / 2 };
        for (const kind of ['dragenter', 'dragover', 'drop']) element.dispatchEvent(new DragEvent(kind, { dataTransfer: transfer, bubbles: true, cancelable: true, ...at }));
      }
    },
    { how, name, base64: bytes.toString('base64'), type },
  );
}

const creditOf = (figure: Locator) => figure.getByRole('textbox', { name: 'Tác giả ảnh' });

async function expectPhotosShown(figures: Locator): Promise<void> {
  for (const image of await figures.locator('img').all()) {
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  }
}

test.beforeEach(() => {
  test.skip(exiftoolVersion() === null, 'exiftool is not installed (Debian: libimage-exiftool-perl), so no photo carries IPTC');
});

test('a Word file brings its photos in credited from their IPTC, with the caption line under each kept', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByRole('button', { name: 'Bài mới' })).toBeVisible();
  await handOver(page.locator('.library-pane'), 'drop', 'tau-bien.docx', docx, docxType);
  const story = storyPage(page);
  await expect(story.headline).toHaveText(credited.headline);

  const figures = story.editor.locator('figure');
  await expect(figures).toHaveCount(2);
  // The Word file's caption line wins; where it has none, the photo's own caption fills it.
  await expect(figures.locator('figcaption')).toHaveText([credited.documentCaption, credited.photos[1]!.caption]);
  // Before, the import printed "Báo Quảng Ninh" alone: the photographer's name was lost.
  await expect(creditOf(figures.nth(0))).toHaveValue(creditLines[0]!);
  await expect(creditOf(figures.nth(1))).toHaveValue(creditLines[1]!);
  await expectPhotosShown(figures);
  await figures.first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('word-import-credits.png') });

  // The file names no dateline place; where its photos were taken is offered for it, not filled in.
  const inspector = page.getByRole('complementary', { name: 'Thông tin bài' });
  await expect(inspector.getByRole('group', { name: 'Nơi chụp ảnh:' }).getByRole('button')).toHaveText(['Hạ Long', 'Quảng Ninh']);
  await expect(inspector.getByRole('textbox', { name: 'Nơi đưa tin' })).toHaveValue('');

  // The credits are saved with the story, not only shown.
  await waitUntilSaved(page);
  await page.reload();
  await expect(creditOf(story.editor.locator('figure').nth(0))).toHaveValue(creditLines[0]!);
});

test('the same photos get the same caption and credit however they come in: Ảnh button, drop, paste, media panel', async ({ page, host }) => {
  await page.goto(host.url);
  await startNewStory(page);
  await page.keyboard.type('Ảnh vào bài bằng mọi đường');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  const { editor } = storyPage(page);
  const figures = editor.locator('figure');

  await page.getByTestId('photo-file').setInputFiles(join(workDir, 'anh-0.jpg'));
  await expect(figures).toHaveCount(1);
  await handOver(editor, 'drop', 'anh-1.jpg', jpegs[1]!, 'image/jpeg');
  await expect(figures).toHaveCount(2);
  await handOver(editor, 'paste', 'anh-0.jpg', jpegs[0]!, 'image/jpeg');
  await expect(figures).toHaveCount(3);
  await page.getByRole('tab', { name: 'Ảnh' }).click();
  const tiles = page.getByRole('list', { name: 'Ảnh' }).getByRole('listitem');
  await tiles.filter({ hasText: credited.photos[1]!.byline }).getByRole('button', { name: 'Chèn vào bài' }).click();
  await expect(figures).toHaveCount(4);

  const order = [0, 1, 0, 1];
  await expect(figures.locator('figcaption')).toHaveText(order.map((i) => credited.photos[i]!.caption));
  for (const [n, i] of order.entries()) await expect(creditOf(figures.nth(n))).toHaveValue(creditLines[i]!);
  await expectPhotosShown(figures);
});

test('a photo relinked into a figure without a credit fills it from its IPTC, and keeps a caption already typed', async ({ page, host }) => {
  // A figure whose photo is no longer in the library (a story copied from another machine without its photos).
  const headline = 'Bài có ảnh bị mất';
  const figure = { type: 'figure', attrs: { mediaId: 'f'.repeat(64), alt: '', credit: '' }, content: [{ type: 'text', text: 'Chú thích phóng viên đã viết.' }] };
  await host.api('stories.create', { headline, body: { type: 'doc', content: [figure, { type: 'paragraph', content: [{ type: 'text', text: 'Đoạn cuối.' }] }] } });
  await page.goto(host.url);
  await page.getByRole('navigation').getByText(headline).click();
  const shown = storyPage(page).editor.locator('figure');
  await expect(shown.getByRole('img', { name: 'Không tìm thấy ảnh' })).toBeVisible();
  await shown.locator('input[type="file"]').setInputFiles(join(workDir, 'anh-0.jpg'));
  await expect(creditOf(shown)).toHaveValue(creditLines[0]!);
  await expect(shown.locator('figcaption')).toHaveText('Chú thích phóng viên đã viết.');
  await expectPhotosShown(shown);
});
