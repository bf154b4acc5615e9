import { mkdir } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { publishableStory } from '../support/publishableStory';
import { expect, test } from './webHostFixture';

/** The vertical middles of what a bar shows: one line means they all sit at the same height. */
async function rowsOf(items: Locator): Promise<number> {
  const middles = await items.evaluateAll((elements) =>
    elements.filter((e) => e.getClientRects().length > 0).map((e) => Math.round(e.getBoundingClientRect().top + e.getBoundingClientRect().height / 2)),
  );
  return new Set(middles.map((middle) => Math.round(middle / 12))).size;
}

/** What sticks out of its box to the right, which a reporter would see cut off or have to scroll sideways for. */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    if (document.documentElement.scrollWidth > window.innerWidth) found.push('the window scrolls sideways');
    for (const selector of ['.top-bar', '.editor-pane', '.page-actions', '.toolbar', '.library-pane', '.inspector-pane', '.status-bar']) {
      const element = document.querySelector(selector);
      if (element && element.getClientRects().length > 0 && element.scrollWidth > element.clientWidth + 1) found.push(`${selector} is wider than its box`);
    }
    return found;
  });
}

async function openStory(page: Page, headline: string) {
  await page.locator('.story-row', { hasText: headline }).click();
  await expect(page.locator('.story-headline')).toHaveText(headline);
}

const headline = 'Thông xe đường ven biển Hạ Long – Cẩm Phả';

for (const size of [
  { width: 1024, height: 640 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
]) {
  const narrow = size.width < 1200;
  test(`at ${size.width}×${size.height} the bars keep to one line, nothing is cut off, and the side panes fold away`, async ({ page, host }, testInfo) => {
    await mkdir(testInfo.outputDir, { recursive: true });
    await publishableStory(host.api, testInfo.outputDir, headline);
    await page.setViewportSize(size);
    await page.goto(host.url);
    await openStory(page, headline);

    const topBar = page.locator('.top-bar');
    await expect.poll(() => rowsOf(topBar.locator(':scope > *'))).toBe(1);
    await expect.poll(() => rowsOf(page.locator('.toolbar .tool'))).toBe(1);
    await expect.poll(() => rowsOf(page.locator('.page-actions > *'))).toBe(1);
    await expect.poll(() => overflowing(page)).toEqual([]);
    const inspectorToggle = topBar.getByRole('button', { name: 'Thông tin bài' });
    await expect(inspectorToggle).toBeInViewport({ ratio: 1 });
    await expect(topBar.getByRole('combobox', { name: 'Ngôn ngữ' })).toBeInViewport({ ratio: 1 });

    const inspector = page.getByRole('complementary', { name: 'Thông tin bài' });
    const column = page.locator('.story-document');
    // The page is never narrower than a column of the paper: on a small laptop the inspector waits to be asked for.
    expect((await column.boundingBox())!.width).toBeGreaterThanOrEqual(600);
    await expect(inspector).toBeVisible({ visible: !narrow });
    await expect(inspectorToggle).toHaveAttribute('aria-expanded', String(!narrow));
    await page.screenshot({ path: testInfo.outputPath(`layout-${size.width}.png`) });

    const widthBefore = (await column.boundingBox())!.width;
    await inspectorToggle.click();
    if (narrow) {
      // Opened, it lies over the page's right edge; the page keeps its width, and every field of it can be reached.
      await expect(inspector).toBeVisible();
      await expect(inspector.getByRole('button', { name: 'Đăng ngay' })).toBeInViewport();
      expect((await column.boundingBox())!.width).toBe(widthBefore);
      await page.screenshot({ path: testInfo.outputPath(`layout-${size.width}-inspector.png`) });
      await inspectorToggle.click();
      await expect(inspector).toBeHidden();
    } else {
      await expect(inspector).toBeHidden();
      await expect.poll(async () => (await column.boundingBox())!.width).toBeGreaterThanOrEqual(widthBefore);
      await inspectorToggle.click();
      await expect(inspector).toBeVisible();
    }
    await expect(inspectorToggle).toBeFocused();

    // The story list folds away too, and comes back with the story still open and chosen.
    const library = page.getByRole('navigation', { name: 'Bài viết' });
    const libraryToggle = topBar.getByRole('button', { name: 'Danh sách bài' });
    await libraryToggle.click();
    await expect(library).toBeHidden();
    await expect(libraryToggle).toHaveAttribute('aria-expanded', 'false');
    await expect(page.locator('.story-headline')).toHaveText(headline);
    await expect.poll(() => overflowing(page)).toEqual([]);
    await libraryToggle.click();
    await expect(library.locator('.story-row.is-selected')).toContainText(headline);

    // A window made small folds the inspector away rather than laying it over the words; made wide, it is back.
    if (!narrow) {
      await page.setViewportSize({ width: 1024, height: 640 });
      await expect(inspector).toBeHidden();
      await expect.poll(() => overflowing(page)).toEqual([]);
      await page.setViewportSize(size);
      await expect(inspector).toBeVisible();
    }
  });
}

test('in English at 1024×640 the longer words still keep the top bar to one line', async ({ page, host }, testInfo) => {
  await mkdir(testInfo.outputDir, { recursive: true });
  await publishableStory(host.api, testInfo.outputDir, headline);
  await host.api('settings.update', { language: 'en' });
  await page.setViewportSize({ width: 1024, height: 640 });
  await page.goto(host.url);
  await openStory(page, headline);
  await expect(page.getByRole('button', { name: 'Story details' })).toBeInViewport({ ratio: 1 });
  await expect.poll(() => rowsOf(page.locator('.top-bar > *'))).toBe(1);
  await expect.poll(() => rowsOf(page.locator('.toolbar .tool'))).toBe(1);
  await expect.poll(() => overflowing(page)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('layout-1024-en.png') });
});
