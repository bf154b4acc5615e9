import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatelineError } from '../../shared/api/DatelineError';
import type { DomDocument } from '../../shared/import/domLike';
import { disarmInlineCode, sanitizeStoryDocument } from '../../shared/import/sanitizeStoryHtml';
import { plainText } from '../../shared/story/storyDocument';
import type { TiptapNode } from '../../shared/story/storySchema';
import { photoCaptionAndCredit } from '../../shared/media/photoCaptionAndCredit';
import { buildCreditedPhotosDocx, credited, makeCreditedPhotos } from '../../tests/fixtures/wordInOut/creditedPhotosDocx';
import { buildSampleDocx, makeJpeg, sample } from '../../tests/fixtures/wordInOut/sampleDocx';
import { exiftoolVersion } from '../../tests/support/photoFixtures';
import { openTempServices } from '../../tests/support/tempServices';
import type { Services } from '../services/createServices';
import { StoryImporter } from './StoryImporter';

let services: Services;
let importer: StoryImporter;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  const temp = await openTempServices();
  ({ services, close: cleanup } = temp);
  importer = new StoryImporter({ stories: services.stories, media: services.media, log: temp.log });
});
afterEach(() => cleanup());

const blocks = (body: TiptapNode) => body.content ?? [];
const texts = (body: TiptapNode) => blocks(body).map(plainText);

describe('importing a Word file', () => {
  it('puts the headline, sapo, body, photo with caption and source line into their fields', async () => {
    const story = await importer.importDocx('ven-bien.docx', await buildSampleDocx());

    expect(story.headline).toBe(sample.headline);
    expect(story.sapo).toBe(sample.sapo);
    expect(story.source).toBe(sample.source);
    const body = blocks(story.body);
    expect(body[0]).toEqual({ type: 'paragraph', content: [{ type: 'text', text: sample.paragraphs[0] }] });
    expect(body[1]).toEqual({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: sample.subheading }] });
    const link = body[2]!.content!.find((node) => node.marks?.some((mark) => mark.type === 'link'));
    expect(link).toMatchObject({ text: sample.link.text, marks: [{ type: 'link', attrs: { href: sample.link.href } }] });
    expect(body[3]).toMatchObject({ type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }] });
    expect(plainText(body[3]!)).toBe(sample.bullet);
    expect(texts(story.body)).toContain(sample.paragraphs[1]);

    const figure = body.find((node) => node.type === 'figure')!;
    expect(plainText(figure)).toBe(sample.caption);
    expect(figure.attrs).toMatchObject({ alt: 'Đường ven biển' });
    const photo = services.media.get(String(figure.attrs!.mediaId));
    expect(photo).toMatchObject({ mimeType: 'image/jpeg', width: 320, height: 200 });
    expect(services.media.filePath(photo!.id, 'thumb')).not.toBeNull();
    // The caption line was taken into the figure, and the source line out of the body.
    expect(blocks(story.body).filter((node) => node.type !== 'figure').map(plainText)).not.toContain(sample.caption);
    expect(texts(story.body).at(-1)).toBe(sample.closing);
    expect(story.body.content!.some((node) => JSON.stringify(node).includes('"align"'))).toBe(false);
  });

  it('stores the same photo once when the same file is imported twice', async () => {
    const bytes = await buildSampleDocx();
    const first = await importer.importDocx('a.docx', bytes);
    const second = await importer.importDocx('b.docx', bytes);
    const mediaIdOf = (body: TiptapNode) => blocks(body).find((node) => node.type === 'figure')!.attrs!.mediaId;
    expect(first.id).not.toBe(second.id);
    expect(mediaIdOf(second.body)).toBe(mediaIdOf(first.body));
    expect(services.media.list()).toHaveLength(1);
  });

  it.skipIf(exiftoolVersion() === null)('credits each photo from its IPTC as the Ảnh button does, the caption line under it winning', async () => {
    const jpegs = await makeCreditedPhotos();
    const story = await importer.importDocx('tau-bien.docx', await buildCreditedPhotosDocx(jpegs));

    const figures = blocks(story.body).filter((node) => node.type === 'figure');
    expect(figures.map(plainText)).toEqual([credited.documentCaption, credited.photos[1]!.caption]);
    expect(figures.map((figure) => figure.attrs!.credit)).toEqual(credited.photos.map(credited.creditLine));
    // One rule: the photo put in by hand gets the very same words from the same metadata.
    for (const [i, jpeg] of jpegs.entries()) {
      const item = await services.media.import(`anh-${i}.jpg`, jpeg);
      expect(photoCaptionAndCredit(item).credit).toBe(figures[i]!.attrs!.credit);
    }
  });

  it('keeps a credit the file gives, and a story with a source line is not marked as the newsroom\'s own', async () => {
    const credit = 'Ảnh: TTXVN';
    const html = `<h1>Tít</h1><p><b>Sapo.</b></p><figure data-credit="${credit}"><img src="data:image/jpeg;base64,${(await makeJpeg()).toString('base64')}"></figure><p>Đoạn.</p><p>Theo: nhandan.vn</p>`;
    const story = await importer.importHtml('bai.html', Buffer.from(html, 'utf8'));
    expect(blocks(story.body).find((node) => node.type === 'figure')!.attrs!.credit).toBe(credit);
    expect(story.original).toBe(false);
    const own = await importer.importDocx('ven-bien.docx', await buildSampleDocx());
    expect(own.source).toBe(sample.source);
    expect(own.original).toBe(false);
    const plain = await importer.importHtml('rieng.html', Buffer.from('<h1>Tít</h1><p>Đoạn.</p>', 'utf8'));
    expect(plain.original).toBe(true);
  });

  it.each([
    ['a text file renamed .docx', Buffer.from('Đây không phải tệp Word', 'utf8')],
    ['garbage bytes', Buffer.from([0x00, 0xff, 0x13, 0x37, 0x42, 0x99, 0x01, 0x02])],
    ['a zip that is not a Word file', Buffer.from('504b0304140000000800', 'hex')],
    ['an old .doc', Buffer.from('d0cf11e0a1b11ae1000000', 'hex')],
  ])('refuses %s with invalid_input and a Vietnamese reason', async (_name, bytes) => {
    const error = await importer.importDocx('bai.docx', bytes).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatelineError);
    expect((error as DatelineError).code).toBe('invalid_input');
    expect((error as DatelineError).message).toMatch(/^bai\.docx: /);
    expect(((error as DatelineError).details as { reason: string }).reason).toMatch(/\.docx|Word/);
    expect(services.stories.summaries().filter((s) => s.headline === sample.headline)).toHaveLength(0);
  });
});

const hostile = `<!doctype html><html><head><title>Bài</title><style>p { color: red }</style><script>alert('head')</script></head>
<body onload="alert(1)">
<h1 onclick="steal()">Tít bài có <script>alert('x')</script>mã độc</h1>
<p onmouseover="alert(2)"><span style="font-weight:bold">Sapo in đậm của bài.</span></p>
<p>Đoạn có <a href="javascript:alert(3)">liên kết độc</a> và <a href="https://vnexpress.net/" onclick="x()">liên kết tốt</a>.</p>
<iframe src="https://evil.example/"></iframe><img src="https://tracker.example/pixel.gif" onerror="alert(4)">
<p><span style="font-style:italic">Nghiêng</span> và <b style="font-weight:normal">không đậm</b>.</p>
<form action="https://evil.example/"><input name="x"></form>
<p>Nguồn: Báo Lao Động</p>
</body></html>`;

describe('importing an HTML file', () => {
  it('neutralises scripts, handlers, javascript: links, styles and remote images exactly as a paste is', async () => {
    const story = await importer.importHtml('bai.html', Buffer.from(hostile, 'utf8'));
    const json = JSON.stringify(story);
    for (const bad of ['alert', 'steal', 'javascript:', 'evil.example', 'tracker.example', 'color: red', 'onclick', 'onload']) expect(json).not.toContain(bad);
    expect(story.headline).toBe('Tít bài có mã độc');
    expect(story.sapo).toBe('Sapo in đậm của bài.');
    expect(story.source).toBe('Nguồn: Báo Lao Động');
    const links = blocks(story.body).flatMap((block) => block.content ?? []).filter((node) => node.marks?.some((m) => m.type === 'link'));
    expect(links).toEqual([{ type: 'text', text: 'liên kết tốt', marks: [{ type: 'link', attrs: { href: 'https://vnexpress.net/' } }] }]);
    expect(texts(story.body)).toContain('Đoạn có liên kết độc và liên kết tốt.');
    expect(blocks(story.body).find((b) => plainText(b).startsWith('Nghiêng'))!.content![0]).toEqual({ type: 'text', text: 'Nghiêng', marks: [{ type: 'italic' }] });

    // The very rules the renderer's paste runs (renderer/editor/paste/sanitizePastedHtml.ts): the same input
    // cleaned by them keeps nothing the import dropped.
    const { document } = parseHTML(disarmInlineCode(hostile));
    sanitizeStoryDocument(document as unknown as DomDocument);
    const pasted = document.body.innerHTML;
    expect(pasted).not.toMatch(/script|onclick|onload|onerror|onmouseover|javascript:|iframe|<form|style=|evil\.example|tracker/i);
    expect(pasted).toContain('<a href="https://vnexpress.net/">liên kết tốt</a>');
  });

  it('keeps Vietnamese text composed (NFC) whatever form the file used', async () => {
    const html = `<h1>${sample.headline.normalize('NFD')}</h1><p>${sample.paragraphs[0]!.normalize('NFD')}</p>`;
    const story = await importer.importHtml('nfd.html', Buffer.from(html, 'utf8'));
    expect(story.headline).toBe(sample.headline);
    expect(texts(story.body)).toEqual([sample.paragraphs[0]]);
  });

  it('refuses binary bytes named .html', async () => {
    const error = await importer.importHtml('anh.html', Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x10])).catch((e: unknown) => e);
    expect((error as DatelineError).code).toBe('invalid_input');
  });

  it('refuses a file nested thousands deep by name, before anything recursive walks it (it was a stack overflow)', async () => {
    for (const levels of [5_000, 50_000]) {
      const html = `${'<div>'.repeat(levels)}chữ${'</div>'.repeat(levels)}`;
      const error = await importer.importHtml('long.html', Buffer.from(html, 'utf8')).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DatelineError);
      expect((error as DatelineError).code).toBe('invalid_input');
      expect((error as DatelineError).message).toContain('long.html');
    }
  });
});
