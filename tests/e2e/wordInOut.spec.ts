import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import type { Page } from '@playwright/test';
import { buildSampleDocx, sample } from '../fixtures/wordInOut/sampleDocx';
import { readZip } from '../support/readZip';
import { expect, storyPage, test } from './webHostFixture';

function pdftotextVersion(): string | null {
  try {
    return execFileSync('pdftotext', ['-v'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim() || 'present';
  } catch (error) {
    return (error as { stderr?: string }).stderr?.includes('pdftotext') ? 'present' : null;
  }
}

let workDir: string;
let docx: Buffer;
test.beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'dateline-word-'));
  docx = await buildSampleDocx();
});
test.afterAll(() => rm(workDir, { recursive: true, force: true }));

/** Drops a file on an element the way the desktop does: a drag over it, then a drop with the file. */
async function dropFile(page: Page, selector: string, name: string, bytes: Buffer, type: string): Promise<void> {
  await page.locator(selector).evaluate(
    (target, { name, base64, type }) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], name, { type }));
      for (const kind of ['dragenter', 'dragover', 'drop']) {
        target.dispatchEvent(new DragEvent(kind, { dataTransfer: transfer, bubbles: true, cancelable: true }));
      }
    },
    { name, base64: bytes.toString('base64'), type },
  );
}

const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Opens the app and drops the sample Word file on the story list; the new story opens. */
async function importSample(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('button', { name: 'Bài mới' })).toBeVisible();
  await dropFile(page, '.library-pane', 'ven-bien.docx', docx, docxType);
  await expect(storyPage(page).headline).toHaveText(sample.headline);
}

test('a Word file dropped on the app becomes a story with its sapo, body, photo and caption', async ({ page, host }) => {
  await importSample(page, host.url);
  const story = storyPage(page);
  await expect(story.sapo).toHaveText(sample.sapo);
  await expect(story.editor.locator('h2')).toHaveText(sample.subheading);
  const figure = story.editor.locator('figure');
  await expect(figure.locator('figcaption')).toHaveText(sample.caption);
  await expect.poll(() => figure.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  await expect(page.getByRole('navigation').getByText(sample.headline)).toBeVisible();
  await page.getByRole('tab', { name: 'Ảnh' }).click();
  await expect(page.locator('.library-pane img')).toHaveCount(1);

  // Dropped on the editor, a file that is not a Word document is refused, saying why, and nothing changes.
  await dropFile(page, '.story-document', 'ghi-chu.docx', Buffer.from('Đây là ghi chú, không phải tệp Word.'), docxType);
  await expect(page.getByRole('alert')).toContainText('Không nhập được “ghi-chu.docx”: không phải tệp Word (.docx)');
  await expect(storyPage(page).headline).toHaveText(sample.headline);
});

test('the print view prints the Vietnamese headline exactly (page.pdf, pdftotext)', async ({ page, host }) => {
  test.skip(pdftotextVersion() === null, 'pdftotext is not installed (Debian: poppler-utils), so the PDF cannot be read back');
  await importSample(page, host.url);
  await page.getByRole('button', { name: 'Xuất bài' }).click();
  const [popup] = await Promise.all([page.waitForEvent('popup'), page.getByRole('menuitem', { name: /PDF/ }).click()]);
  // The PDF item opens the print view, which calls the browser's print once its photos are in.
  await expect(popup.locator('.paper[data-ready="true"]')).toBeVisible();
  expect(popup.url()).toMatch(/#\/print\/[a-z0-9-]+\?print$/);
  expect(popup.url()).not.toContain('token=');
  const id = /#\/print\/([a-z0-9-]+)/.exec(popup.url())![1]!;
  await popup.close();

  // The same view without the print call, printed to PDF by Chromium as the print dialog's "Save as PDF" would.
  const printView = await page.context().newPage();
  await printView.goto(`${host.url}#/print/${id}`);
  await expect(printView.locator('.paper[data-ready="true"]')).toBeVisible();
  await expect(printView.locator('.paper h1')).toHaveText(sample.headline);
  await expect(printView.locator('.paper figcaption')).toHaveText(sample.caption);

  const pdfPath = join(workDir, 'proof.pdf');
  await writeFile(pdfPath, await printView.pdf({ format: 'A4', printBackground: true }));
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' });
  // The headline may wrap onto a second line on the page; every letter and mark must come back as written.
  expect(text.replace(/\s+/g, ' ')).toContain(sample.headline);
  expect(text.replace(/\s+/g, ' ')).toContain(sample.caption);
});

test('HTML, ninjs and Word exports download from the story menu with the story in them', async ({ page, host }) => {
  await importSample(page, host.url);
  const download = async (name: RegExp) => {
    await page.getByRole('button', { name: 'Xuất bài' }).click();
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name }).click()]);
    const path = join(workDir, file.suggestedFilename());
    await file.saveAs(path);
    return { name: file.suggestedFilename(), bytes: await readFile(path) };
  };
  const slug = 'duong-ven-bien-ha-long-cam-pha-thong-xe-truoc-tet';

  const html = await download(/Trang web/);
  expect(html.name).toBe(`${slug}.html`);
  const page$ = html.bytes.toString('utf8');
  expect(page$).toContain(`<h1 class="headline">${sample.headline}</h1>`);
  expect(page$).toContain(sample.caption);
  expect(page$).toMatch(/<img src="data:image\/jpeg;base64,/);

  const ninjs = await download(/ninjs kèm ảnh/);
  expect(ninjs.name).toBe(`${slug}.ninjs.zip`);
  const bundle = await readZip(ninjs.bytes);
  const item = JSON.parse(bundle.get(`${slug}.json`)!.toString('utf8'));
  expect(item).toMatchObject({ language: 'vi', pubstatus: 'withheld', headlines: [{ role: 'main', value: sample.headline }], descriptions: [{ value: sample.sapo }] });
  expect(item.associations[0].descriptions[0].value).toBe(sample.caption);
  // The photo its rendition names is in the bundle, where the href says.
  const [rendition] = item.associations[0].renditions;
  expect(bundle.get(rendition.href)?.length).toBe(rendition.sizeinbytes);
  // The item alone is the same item, with no href to a file it does not carry.
  const alone = await download(/ninjs \(IPTC/);
  expect(alone.name).toBe(`${slug}.json`);
  const itemAlone = JSON.parse(alone.bytes.toString('utf8'));
  expect(itemAlone.headlines).toEqual(item.headlines);
  expect(itemAlone.associations[0].descriptions).toEqual(item.associations[0].descriptions);
  expect(itemAlone.associations[0].renditions[0].href).toBeUndefined();

  const word = await download(/Word/);
  expect(word.name).toBe(`${slug}.docx`);
  const { value } = await mammoth.extractRawText({ buffer: word.bytes });
  for (const line of [sample.headline, sample.sapo, sample.paragraphs[0]!, sample.caption, sample.source]) expect(value).toContain(line);
});
