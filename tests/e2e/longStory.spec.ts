import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeStory } from '../support/seedLibrary';
import { expect, storyPage, test, textOf, waitUntilSaved } from './webHostFixture';

// About 52,000 characters but over 64 KiB once encoded, as a long Vietnamese story is: the size at which a
// browser refuses a keep-alive request.
const paragraph = (i: number) => `Đoạn ${i}: Tăng cường phối hợp các cơ quan chức năng trong công tác bảo vệ chính trị nội bộ ở Quảng Ninh.`;
const long = makeStory({
  headline: 'Bài dài',
  body: { type: 'doc', content: Array.from({ length: 480 }, (_, i) => ({ type: 'paragraph', content: [{ type: 'text', text: paragraph(i) }] })) },
});

test.use({
  seedDataDir: async ({}, use) =>
    use(async (dataDir: string) => {
      await mkdir(join(dataDir, 'stories'), { recursive: true });
      await writeFile(join(dataDir, 'stories', `${long.id}.json`), JSON.stringify(long));
    }),
});

test('a long Vietnamese story, over 64 KiB in UTF-8, saves from the browser', async ({ page, host }) => {
  expect(new TextEncoder().encode(JSON.stringify(long.body)).length).toBeGreaterThan(64 * 1024);
  await page.goto(host.url);
  const { bodyText } = storyPage(page);
  await expect(bodyText).toHaveCount(480);
  await bodyText.nth(240).click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Thêm một câu.');
  await waitUntilSaved(page);
  const saved = (await host.storiesOnDisk()).find((s) => s.id === long.id)!;
  expect(textOf((saved.body as { content: unknown[] }).content[240])).toBe(`${paragraph(240)} Thêm một câu.`);
});
