import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import type { Story } from '../../shared/story/storySchema';
import { expect, storyPage, test, textOf, waitUntilSaved, type RunningHost } from './webHostFixture';

// Issue 14, item 10: one keystroke over a selection must never cost more than the field it started in.

const kicker = 'Giao thông';
const headline = 'Thông xe đường ven biển Hạ Long – Cẩm Phả';
const sapo = 'Sáng 12/1, tỉnh Quảng Ninh tổ chức lễ thông xe tuyến đường ven biển dài 16 km.';
const caption = 'Toàn cảnh lễ thông xe sáng 12/1.';
const paragraphs = [
  'Tuyến đường giúp giảm ùn tắc cho quốc lộ 18 và rút ngắn thời gian đi lại giữa hai thành phố.',
  'Dự án có tổng vốn hơn 2.000 tỷ đồng, khởi công từ năm 2022 và hoàn thành sớm hai tháng so với kế hoạch. Tuyến đường có bốn làn xe, hai bên là dải cây xanh và đường dành cho xe đạp. Theo lãnh đạo tỉnh, tuyến đường sẽ mở ra không gian phát triển đô thị và du lịch dọc bờ vịnh.',
  'Người dân hai bên đường phấn khởi khi tuyến đường được đưa vào sử dụng trước dịp Tết.',
];

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

/** The story every test starts from: each field filled, and a photo with its caption between two paragraphs. */
async function seedStory(host: RunningHost): Promise<Story> {
  const photo = await host.api('media.import', { fileName: 'ven-bien.jpg', dataBase64: (await readFile('tests/fixtures/ven-bien.jpg')).toString('base64') });
  return host.api('stories.create', {
    kicker,
    headline,
    sapo,
    category: 'Thời sự',
    body: {
      type: 'doc',
      content: [
        paragraph(paragraphs[0]!),
        { type: 'figure', attrs: { mediaId: photo.id, credit: 'Ảnh: Minh Đức', alt: '' }, content: [{ type: 'text', text: caption }] },
        paragraph(paragraphs[1]!),
        paragraph(paragraphs[2]!),
      ],
    },
  });
}

async function openStory(page: Page, host: RunningHost): Promise<void> {
  await page.goto(host.url);
  await page.locator('.story-row-open', { hasText: headline }).click();
  await expect(storyPage(page).headline).toHaveText(headline);
  await expect(storyPage(page).editor.locator('figure img')).toBeVisible();
}

/** The story as the page shows it: each top-level part, by kind, with its text (a photo's: its caption). */
function partsOnPage(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelector('.story-document')!.children].map((child) => {
      // A photo's node view wraps its <figure>.
      if (child.querySelector('figure')) return `figure${child.querySelector('img') ? '+photo' : ''}:${child.querySelector('figcaption')?.textContent ?? ''}`;
      const section = child.getAttribute('data-story-section');
      return `${section ?? child.tagName.toLowerCase()}:${child.textContent ?? ''}`;
    }),
  );
}

const seeded = [`kicker:${kicker}`, `headline:${headline}`, `sapo:${sapo}`, `p:${paragraphs[0]}`, `figure+photo:${caption}`, `p:${paragraphs[1]}`, `p:${paragraphs[2]}`];

/** Where the page's selection starts and ends: which top-level part, and how many characters into its text. */
function selectionOnPage(page: Page): Promise<{ anchor: [number, number]; focus: [number, number] }> {
  return page.evaluate(() => {
    const editor = document.querySelector('.story-document')!;
    const where = (node: Node, offset: number): [number, number] => {
      const part = [...editor.children].findIndex((child) => child.contains(node));
      if (part < 0) throw new Error(`selection at ${(node as Element).outerHTML?.slice(0, 80) ?? node.textContent} ${offset}`);
      const child = editor.children[part]!;
      const text = child.querySelector('figcaption') ?? child;
      const range = document.createRange();
      range.setStart(text, 0);
      range.setEnd(node, offset);
      return [part, range.toString().length];
    };
    const selection = window.getSelection()!;
    return { anchor: where(selection.anchorNode!, selection.anchorOffset), focus: where(selection.focusNode!, selection.focusOffset) };
  });
}

/** A point on the screen over the character `fraction` of the way into the element's text. */
async function pointIn(element: Locator, fraction: number): Promise<{ x: number; y: number }> {
  return element.evaluate((root, share) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const texts: Text[] = [];
    while (walker.nextNode()) texts.push(walker.currentNode as Text);
    let index = Math.floor(texts.reduce((sum, text) => sum + text.length, 0) * share);
    for (const text of texts) {
      if (index < text.length) {
        const range = document.createRange();
        range.setStart(text, index);
        range.setEnd(text, index + 1);
        const box = range.getBoundingClientRect();
        return { x: box.left + 1, y: box.top + box.height / 2 };
      }
      index -= text.length;
    }
    throw new Error('no text');
  }, fraction);
}

/** Selects with the mouse, as a reporter does: a click in one field, a Shift+click in another. */
async function selectBetween(page: Page, from: Locator, to: Locator): Promise<void> {
  // Centred, so the toolbar that sticks to the top of the page never covers the point clicked.
  await from.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  const start = await pointIn(from, 0.4);
  await page.mouse.click(start.x, start.y);
  await to.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  const end = await pointIn(to, 0.6);
  await page.keyboard.down('Shift');
  await page.mouse.click(end.x, end.y);
  await page.keyboard.up('Shift');
}

function fieldsOf(page: Page) {
  const { editor, kicker: k, headline: h, sapo: s } = storyPage(page);
  return {
    kicker: k,
    headline: h,
    sapo: s,
    body: editor.locator(':scope > p:not([data-story-section])').first(),
    caption: editor.locator('figure figcaption'),
  };
}

/** The text of the stored story's parts, in the order partsOnPage gives them. */
function partsOnDisk(saved: Record<string, unknown>): string[] {
  const blocks = (saved.body as { content: { type: string; attrs?: { mediaId?: string } }[] }).content;
  return [
    `kicker:${saved.kicker as string}`,
    `headline:${saved.headline as string}`,
    `sapo:${saved.sapo as string}`,
    ...blocks.map((block) => (block.type === 'figure' ? `figure${block.attrs?.mediaId ? '+photo' : ''}:${textOf(block)}` : `p:${textOf(block)}`)),
  ];
}

test.beforeEach(async ({ context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
});

test('Ctrl+A selects the field, a second Ctrl+A the story; typing over either costs only the field', async ({ page, host }) => {
  const story = await seedStory(host);
  await openStory(page, host);
  const fields = fieldsOf(page);
  const selected = () => page.evaluate(() => window.getSelection()!.toString());

  await fields.headline.click();
  await page.keyboard.press('Control+A');
  await expect.poll(selected).toBe(headline);
  await page.keyboard.type('X');
  await expect.poll(() => partsOnPage(page)).toEqual(seeded.map((part) => (part.startsWith('headline:') ? 'headline:X' : part)));
  await waitUntilSaved(page);
  const onDisk = (await host.storiesOnDisk()).find((s) => s.id === story.id)!;
  expect(partsOnDisk(onDisk)).toEqual(seeded.map((part) => (part.startsWith('headline:') ? 'headline:X' : part)));

  // Twice: the whole story, kicker to the last paragraph, and typing over it still goes to the headline only.
  await page.keyboard.press('Control+A');
  await expect.poll(selected).toBe('X');
  await page.keyboard.press('Control+A');
  // The kicker is shown in capitals.
  await expect.poll(async () => (await selected()).toLocaleLowerCase('vi')).toContain(kicker.toLocaleLowerCase('vi'));
  await expect.poll(selected).toContain(paragraphs[2]!);
  await page.keyboard.type('Y');
  await expect.poll(() => partsOnPage(page)).toEqual(seeded.map((part) => (part.startsWith('headline:') ? 'headline:Y' : part)));

  // In a caption, Ctrl+A is the caption; in the body, the body with its photo.
  await fields.caption.click();
  await page.keyboard.press('Control+A');
  await expect.poll(selected).toBe(caption);
  await fields.body.click();
  await page.keyboard.press('Control+A');
  await expect.poll(selected).toContain(paragraphs[0]!);
  await expect.poll(selected).toContain(paragraphs[2]!);
  await expect.poll(selected).not.toContain(sapo);
  await page.screenshot({ path: test.info().outputPath('body-selected.png') });
});

const fieldNames = ['kicker', 'headline', 'sapo', 'body', 'caption'] as const;
const edits = [
  { name: 'typing a letter', inserted: 'Q', run: (page: Page) => page.keyboard.type('Q') },
  { name: 'Backspace', inserted: '', run: (page: Page) => page.keyboard.press('Backspace') },
  { name: 'Ctrl+X', inserted: '', run: (page: Page) => page.keyboard.press('Control+X') },
  { name: 'pasting', inserted: 'Dán vào', run: (page: Page) => page.keyboard.press('Control+V') },
] as const;

test('an edit over a selection from any field into any other changes only the field it started in', async ({ page, host }) => {
  test.setTimeout(480_000);
  await seedStory(host);
  await openStory(page, host);
  const fields = fieldsOf(page);
  for (const from of fieldNames) {
    for (const to of fieldNames) {
      if (from === to) continue;
      for (const edit of edits) {
        const what = `${edit.name} over ${from} → ${to}`;
        await page.evaluate(() => navigator.clipboard.writeText('Dán vào'));
        await selectBetween(page, fields[from], fields[to]);
        const { anchor, focus } = await selectionOnPage(page);
        const [part, offset] = anchor;
        expect(part, what).not.toBe(focus[0]);
        const forward = part < focus[0];
        const text = seeded[part]!.slice(seeded[part]!.indexOf(':') + 1);
        const kept = forward ? text.slice(0, offset) : text.slice(offset);
        const cut = forward ? text.slice(offset) : text.slice(0, offset);
        const label = seeded[part]!.slice(0, seeded[part]!.indexOf(':') + 1);
        await edit.run(page);
        const expected = seeded.map((each, i) => (i === part ? `${label}${forward ? kept + edit.inserted : edit.inserted + kept}` : each));
        await expect.poll(() => partsOnPage(page), { message: what }).toEqual(expected);
        // What a cut takes is what goes to the clipboard: the start field's part of the selection.
        if (edit.name === 'Ctrl+X') expect(await page.evaluate(() => navigator.clipboard.readText()), what).toBe(cut);
        await page.keyboard.press('Control+Z');
        await expect.poll(() => partsOnPage(page), { message: `${what}, undone` }).toEqual(seeded);
      }
    }
  }
  await waitUntilSaved(page);
});

test('Vietnamese typed through an input method over a selection across fields goes into the field it started in', async ({ page, host }) => {
  await seedStory(host);
  await openStory(page, host);
  const fields = fieldsOf(page);
  const cdp = await page.context().newCDPSession(page);
  // What a Telex input method sends while "việt" is typed: the word composed letter by letter, then committed.
  const compose = async (word: string, steps: string[]) => {
    for (const step of steps) await cdp.send('Input.imeSetComposition', { text: step, selectionStart: step.length, selectionEnd: step.length });
    await cdp.send('Input.insertText', { text: word });
  };

  await selectBetween(page, fields.headline, fields.sapo);
  const { anchor } = await selectionOnPage(page);
  await compose('việt', ['v', 'vi', 'viê', 'việ', 'việt']);
  await expect.poll(() => partsOnPage(page)).toEqual(seeded.map((part, i) => (i === 1 ? `headline:${headline.slice(0, anchor[1])}việt` : part)));

  // Backwards, from the caption up into the kicker: the caption takes the word, the kicker keeps every letter.
  await page.keyboard.press('Control+Z');
  await expect.poll(() => partsOnPage(page)).toEqual(seeded);
  await selectBetween(page, fields.caption, fields.kicker);
  const back = await selectionOnPage(page);
  await compose('đường', ['d', 'dd', 'đ', 'đu', 'đuo', 'đuon', 'đuong', 'đương', 'đường']);
  await expect.poll(() => partsOnPage(page)).toEqual(seeded.map((part, i) => (i === 4 ? `figure+photo:đường${caption.slice(back.anchor[1])}` : part)));

  // Over the whole story (Ctrl+A twice in the sapo), the word replaces the sapo and nothing else.
  await fields.sapo.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+A');
  await compose('việt', ['v', 'vi', 'viê', 'việ', 'việt']);
  await expect.poll(() => partsOnPage(page)).toEqual(seeded.map((part, i) => (i === 1 + 3 ? `figure+photo:đường${caption.slice(back.anchor[1])}` : i === 2 ? 'sapo:việt' : part)));
});

test('dragging a selection across fields moves only the start field’s part of it', async ({ page, host }) => {
  await seedStory(host);
  await openStory(page, host);
  const fields = fieldsOf(page);
  await selectBetween(page, fields.headline, fields.sapo);
  const { anchor } = await selectionOnPage(page);
  const moved = headline.slice(anchor[1]);
  const grab = await pointIn(fields.headline, 0.8);
  const target = await pointIn(fields.body, 0);
  await page.mouse.move(grab.x, grab.y);
  await page.mouse.down();
  await page.mouse.move(target.x, target.y, { steps: 10 });
  await page.mouse.up();
  await expect
    .poll(() => partsOnPage(page))
    .toEqual(seeded.map((part, i) => (i === 1 ? `headline:${headline.slice(0, anchor[1])}` : i === 3 ? `p:${moved}${paragraphs[0]}` : part)));
});

test('deleting most of the story keeps the text before it as a version, and the toast undoes it', async ({ page, host }) => {
  const story = await seedStory(host);
  await openStory(page, host);
  const fields = fieldsOf(page);
  await fields.body.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await expect.poll(() => partsOnPage(page)).toEqual([...seeded.slice(0, 3), 'p:']);

  const toast = page.getByRole('status').filter({ hasText: /^Đã xoá/ });
  const bodyWords = paragraphs.join(' ').split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length + caption.split(' ').length;
  await expect(toast).toContainText(`Đã xoá ${new Intl.NumberFormat('vi-VN').format(bodyWords)} chữ`);
  await page.screenshot({ path: test.info().outputPath('undo-toast.png') });
  await waitUntilSaved(page);
  const versions = (await host.api('history.list', { id: story.id })).items;
  const kept = versions.find((version) => version.reason === 'beforeBigDelete')!;
  expect(kept).toBeDefined();
  expect(partsOnDisk(await host.api('history.get', { id: story.id, versionId: kept.versionId }))).toEqual(seeded);
  expect(partsOnDisk((await host.storiesOnDisk()).find((s) => s.id === story.id)!)).toEqual([...seeded.slice(0, 3), 'p:']);

  await toast.getByRole('button', { name: 'Hoàn tác' }).click();
  await expect.poll(() => partsOnPage(page)).toEqual(seeded);
  await waitUntilSaved(page);
  await expect.poll(async () => partsOnDisk((await host.storiesOnDisk()).find((s) => s.id === story.id)!)).toEqual(seeded);

  await page.locator('.page-actions').getByRole('button', { name: 'Lịch sử' }).click();
  const list = page.getByRole('region', { name: 'Lịch sử phiên bản' }).getByRole('list', { name: 'Các phiên bản' });
  await expect(list.getByRole('listitem').filter({ hasText: 'Trước khi xoá nhiều' })).toHaveCount(1);
  await page.screenshot({ path: test.info().outputPath('history-before-big-delete.png') });
});
