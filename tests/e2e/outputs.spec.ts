import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import mammoth from 'mammoth';
import { formatVietnameseDate } from '../../shared/text/vietnameseDate';
import { paperStory, type PaperFacts } from '../support/paperStory';
import { expect, test } from './webHostFixture';

function hasPoppler(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    execFileSync('pdfimages', ['-v'], { stdio: 'ignore' });
    return true;
  } catch (error) {
    return (error as { status?: number }).status !== undefined && (error as { code?: string }).code !== 'ENOENT';
  }
}

async function openStory(page: Page, headline: string): Promise<void> {
  await page.locator('.story-row-open', { hasText: headline }).click();
  await expect(page.locator('.ProseMirror .story-headline')).toHaveText(headline);
}

/** Checks a rendered paper page (the preview or the print view) against the facts, as a reader reads it. */
async function expectThePage(paper: Locator, facts: PaperFacts): Promise<void> {
  await expect(paper.locator('.headline')).toHaveText(facts.headline);
  await expect(paper.locator('.time-line')).toHaveText(facts.timeLine);
  await expect(paper.locator('.sapo')).toHaveText(facts.sapo);
  await expect(paper.locator('figcaption .caption')).toHaveText(facts.captions);
  await expect(paper.locator('figcaption .credit')).toHaveText(facts.credits);
  await expect(paper.locator('figure img')).toHaveCount(facts.photoCount);
  // Each photo is really there, not a broken image.
  for (const image of await paper.locator('figure img').all()) await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await expect(paper.locator('.byline')).toHaveText(facts.byline);
  await expect(paper.locator('.source')).toHaveText(facts.source);
}

test.use({ viewport: { width: 1366, height: 768 } });

test('the preview, the printed proof and the Word file show one page: the lead photo once, the scheduled time, every caption and credit', async ({ page, host }) => {
  const dir = test.info().outputPath('photos');
  await mkdir(dir, { recursive: true });
  const { story, facts } = await paperStory(host.api, dir);

  await page.goto(host.url);
  await openStory(page, facts.headline);
  await page.getByRole('button', { name: 'Xem trước' }).click();
  const preview = page.getByRole('document', { name: 'Bản xem trước' });
  await expectThePage(preview, facts);
  // The featured photo also stands in the body: it is shown there, once, with the body's caption.
  await expect(preview.locator('figure.lead figcaption .caption')).toHaveText(facts.captions[1]!);
  // On a small laptop, the usual one and a desk monitor: the lead photo and its caption stay whole.
  for (const [width, height] of [[1024, 640], [1366, 768], [1920, 1080]] as const) {
    await page.setViewportSize({ width, height });
    await preview.locator('figure.lead').scrollIntoViewIfNeeded();
    await expect(preview.locator('figure.lead figcaption')).toBeInViewport();
    await page.screenshot({ path: test.info().outputPath(`preview-${width}x${height}.png`) });
  }

  // The print view, and the PDF Chromium prints from it as "Save as PDF" would.
  const printView = await page.context().newPage();
  await printView.goto(`${host.url}#/print/${story.id}`);
  const paper = printView.getByRole('document', { name: 'Bài như khi in' });
  await expect(paper).toHaveAttribute('data-ready', 'true');
  await expectThePage(paper, facts);
  if (hasPoppler()) {
    const pdfPath = test.info().outputPath('proof.pdf');
    await writeFile(pdfPath, await printView.pdf({ format: 'A4', printBackground: true }));
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const line of [facts.headline, facts.timeLine, facts.sapo, ...facts.captions, ...facts.credits, facts.byline, facts.source]) expect(text).toContain(line);
    // pdfimages lists one row per image drawn, after two header lines.
    const images = execFileSync('pdfimages', ['-list', pdfPath], { encoding: 'utf8' }).trim().split('\n').slice(2).filter((row) => / image /.test(row));
    expect(images).toHaveLength(facts.photoCount);
  } else {
    test.info().annotations.push({ type: 'skip', description: 'pdftotext/pdfimages missing (Debian: poppler-utils): the PDF was not read back' });
  }
  await printView.close();

  // The Word file from the story's menu: the same time line, the photos once each, the captions and credits.
  await page.getByRole('button', { name: 'Quay lại soạn' }).click();
  await page.getByRole('button', { name: 'Xuất bài' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: /Word/ }).click()]);
  const wordPath = join(test.info().outputPath(), download.suggestedFilename());
  await download.saveAs(wordPath);
  const { value: raw } = await mammoth.extractRawText({ path: wordPath });
  for (const line of [facts.headline, facts.timeLine, facts.sapo, ...facts.captions, ...facts.credits, facts.byline, facts.source]) expect(raw).toContain(line);
  const { value: html } = await mammoth.convertToHtml({ path: wordPath });
  expect(html.match(/<img /g)).toHaveLength(facts.photoCount);
});

test('a draft’s preview says “Bản nháp” with today’s date, not the time of its last save', async ({ page, host }) => {
  const draft = await host.api('stories.create', { headline: 'Bản tin sáng chưa duyệt', sapo: 'Sáng nay, trời Hà Nội mưa nhỏ.' });
  await page.goto(host.url);
  await openStory(page, draft.headline);
  const draftLine = () => `Bản nháp · ${formatVietnameseDate(new Date(), 'Asia/Ho_Chi_Minh')}`;
  const before = draftLine();
  await page.getByRole('button', { name: 'Xem trước' }).click();
  const timeLine = page.getByRole('document', { name: 'Bản xem trước' }).locator('.time-line');
  await expect(timeLine).toHaveText(/^Bản nháp · (Thứ [2-7]|Chủ nhật), \d{2}\/\d{2}\/\d{4}$/);
  // Today on the newsroom's clock (either side of a midnight passing meanwhile), not the day or time of the last save.
  expect([before, draftLine()]).toContain(await timeLine.textContent());
});

test('one word count: the status bar, History and the checklist show the same number, 1.049 chữ, and 1,049 words in English', async ({ page, host }) => {
  // 49 chữ of sapo and 1,000 of body; the headline, the kicker and the photo's caption are not counted.
  const syllables = (n: number) => Array.from({ length: n }, (_, i) => (i % 2 ? 'tin' : 'bài')).join(' ');
  const story = await host.api('stories.create', {
    kicker: 'Không được đếm',
    headline: 'Một nghìn không trăm bốn mươi chín chữ',
    sapo: syllables(49),
    body: {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: syllables(600) }] },
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: syllables(100) }] },
        { type: 'paragraph', content: [{ type: 'text', text: syllables(150) }, { type: 'hardBreak' }, { type: 'text', text: syllables(150) }] },
      ],
    },
  });
  await page.goto(host.url);
  await openStory(page, story.headline);

  const wordCount = page.getByTestId('word-count');
  const historyButton = page.locator('.page-actions').getByRole('button', { name: 'Lịch sử' });
  const versions = page.getByRole('region', { name: 'Lịch sử phiên bản' }).getByRole('list', { name: 'Các phiên bản' }).getByRole('listitem');
  const check = page.getByRole('button', { name: 'Kiểm tra trước khi đăng' });
  const checklistWords = page.getByTestId('checklist-words');

  await expect(wordCount).toHaveText('1.049 chữ');
  await check.click();
  await expect(checklistWords).toHaveText('Độ dài: 1.049 chữ');
  await historyButton.click();
  await expect(versions.first()).toContainText('1.049 chữ');
  await page.screenshot({ path: test.info().outputPath('word-count-vi.png') });

  await page.getByRole('combobox', { name: 'Ngôn ngữ' }).selectOption('en');
  await expect(wordCount).toHaveText('1,049 words');
  await expect(page.getByRole('region', { name: 'Version history' }).getByRole('listitem').first()).toContainText('1,049 words');
  await page.getByRole('button', { name: 'Check before publishing' }).click();
  await expect(checklistWords).toHaveText('Length: 1,049 words');
});
