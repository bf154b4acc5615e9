import { parseHTML } from 'linkedom';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportFormat } from '../../shared/export/exportFormats';
import { paperPageLayout } from '../../shared/export/paperPageLayout';
import { renderPaperArticle } from '../../shared/export/renderPaperArticle';
import { wordpressContent, wordpressExcerpt, wordpressPhotos, wordpressStatusFor } from '../../shared/publish/wordpressPostFields';
import type { Story } from '../../shared/story/storySchema';
import { formatVietnameseDateTime } from '../../shared/text/vietnameseDate';
import { paperStory, type PaperFacts } from '../../tests/support/paperStory';
import { handlerCall } from '../../tests/support/publishableStory';
import { ninjsItemOf } from '../../tests/support/readZip';
import { openTempServices, type TempServices } from '../../tests/support/tempServices';
import { createHandlers } from '../api/createHandlers';

/** What a reader finds in one output. */
type Seen = Pick<PaperFacts, 'headline' | 'sapo' | 'captions' | 'credits' | 'photoCount' | 'timeLine' | 'byline' | 'source'>;

const zone = 'Asia/Ho_Chi_Minh';
let temp: TempServices;
let handlers: ReturnType<typeof createHandlers>;
let story: Story;
let facts: PaperFacts;

beforeAll(async () => {
  temp = await openTempServices();
  handlers = createHandlers(temp.services);
  ({ story, facts } = await paperStory(handlerCall(handlers), temp.dir));
});
afterAll(() => temp.close());

async function exported(format: ExportFormat): Promise<Buffer> {
  return Buffer.from((await handlers['stories.export']({ id: story.id, format })).dataBase64, 'base64');
}

/** The little of linkedom's DOM these checks read. */
interface Dom {
  textContent: string | null;
  querySelector(selector: string): Dom | null;
  querySelectorAll(selector: string): ArrayLike<Dom>;
  getAttribute(name: string): string | null;
}

const texts = (root: Dom, selector: string) => Array.from(root.querySelectorAll(selector), (node) => (node.textContent ?? '').trim());
const text = (root: Dom, selector: string) => texts(root, selector)[0] ?? '';
const documentOf = (html: string) => parseHTML(`<!doctype html><html><body>${html}</body></html>`).document as unknown as Dom;

/** The paper's article HTML (the preview and the print view render it in the app; the HTML export carries it). */
function seenInArticle(html: string): Seen {
  const page = documentOf(html);
  return {
    headline: text(page, 'h1.headline'),
    sapo: text(page, '.sapo'),
    captions: texts(page, 'figure figcaption .caption'),
    credits: texts(page, 'figure figcaption .credit'),
    photoCount: page.querySelectorAll('figure img').length,
    timeLine: text(page, '.time-line'),
    byline: text(page, '.byline'),
    source: text(page, '.source'),
  };
}

describe('one story through every output', () => {
  it('the story is what the acceptance test asks for: a featured photo also in the body, three captioned photos, bylines, a place and a source', () => {
    expect(story.status).toBe('scheduled');
    const figures = (story.body.content ?? []).filter((node) => node.type === 'figure');
    expect(figures).toHaveLength(3);
    expect(figures.map((figure) => figure.attrs?.mediaId)).toContain(story.featuredImage?.mediaId);
    expect(story).toMatchObject({ dateline: 'Quảng Ninh', source: 'nhandan.vn', bylines: ['Minh Đức', 'Thu Hà'] });
  });

  it('shows the same headline, sapo, captions, credits, photo count, time line, byline and source line in every output', async () => {
    const seen: Record<string, Seen> = {};

    // The preview and the print view (whose PDF is tested end to end) render this article from the same layout.
    const page = paperPageLayout(story, { timeZone: zone, now: new Date().toISOString() });
    seen.preview = seenInArticle(renderPaperArticle(page, { imageUrl: (attrs) => `/media/${String(attrs.mediaId)}/display` }));

    seen.html = seenInArticle((await exported('html')).toString('utf8'));

    // Word, read back as a reader of the file sees it: its paragraph styles name the time line, captions and byline.
    const word = await mammoth.convertToHtml(
      { buffer: await exported('docx') },
      { styleMap: ["p[style-name='Time Line'] => p.time-line:fresh", "p[style-name='Caption'] => p.caption-line:fresh", "p[style-name='Byline'] => p.byline:fresh", "r[style-name='Photo Credit'] => span.credit"] },
    );
    const doc = documentOf(word.value);
    const captionLines = Array.from(doc.querySelectorAll('p.caption-line'));
    seen.word = {
      headline: text(doc, 'h1'),
      sapo: text(doc, 'p > strong'),
      captions: captionLines.map((line) => (line.textContent ?? '').replace(line.querySelector('.credit')?.textContent ?? '', '').trim()),
      credits: texts(doc, 'p.caption-line .credit'),
      photoCount: doc.querySelectorAll('img').length,
      timeLine: text(doc, 'p.time-line'),
      byline: text(doc, 'p.byline'),
      source: text(doc, 'p > em'),
    };

    // ninjs: the item in the bundle, its associations, and its HTML body.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the item's shape is what is under test
    const item = (await ninjsItemOf(await exported('ninjsBundle'))) as any;
    const body = documentOf(item.bodies.find((b: { contenttype: string }) => b.contenttype === 'text/html').value);
    seen.ninjs = {
      headline: item.headlines.find((h: { role: string }) => h.role === 'main').value,
      sapo: `${item.located.toLocaleUpperCase('vi')} – ${item.descriptions[0].value}`,
      captions: item.associations.map((a: { descriptions: { value: string }[] }) => a.descriptions[0]!.value),
      credits: item.associations.map((a: { by: string }) => a.by),
      photoCount: item.associations.length,
      // A scheduled item is withheld and embargoed until its publish time: the instant the page's time line shows.
      timeLine: formatVietnameseDateTime(item.embargoed, zone),
      byline: text(body, '.byline'),
      source: text(body, '.source'),
    };
    expect(body.querySelectorAll('figure img')).toHaveLength(3);

    // WordPress: the post's fields as WordPressTarget sends them, the photos at the addresses the site gave them.
    const siteUrl = (mediaId: string) => `https://baoquangninh.example/wp-content/uploads/${mediaId.slice(0, 8)}.jpg`;
    const content = documentOf(wordpressContent(page, siteUrl));
    const status = wordpressStatusFor(story);
    seen.wordpress = {
      headline: page.headline,
      sapo: wordpressExcerpt(page),
      captions: texts(content, 'figure figcaption .caption'),
      credits: texts(content, 'figure figcaption .credit'),
      // The featured media is one of the body's photos, so the post shows it once.
      photoCount: new Set([...Array.from(content.querySelectorAll('figure img'), (img) => img.getAttribute('src')), siteUrl(story.featuredImage!.mediaId)]).size,
      timeLine: formatVietnameseDateTime(`${status.dateGmt}Z`, zone),
      byline: text(content, '.byline'),
      source: text(content, '.source'),
    };
    expect(status.status).toBe('future');
    expect(wordpressPhotos(page, story.featuredImage).map((photo) => photo.mediaId)).toHaveLength(3);

    const expected: Seen = { headline: facts.headline, sapo: facts.sapo, captions: facts.captions, credits: facts.credits, photoCount: facts.photoCount, timeLine: facts.timeLine, byline: facts.byline, source: facts.source };
    for (const [output, what] of Object.entries(seen)) expect(what, output).toEqual(expected);
  });

  it('counts the same chữ in the checklist, History, ninjs and the page', async () => {
    const page = paperPageLayout(story, { timeZone: zone, now: new Date().toISOString() });
    expect(page.words).toBe(facts.words);
    expect((await handlers['stories.checklist']({ id: story.id, to: 'published' })).words).toBe(facts.words);
    await temp.services.history.idle();
    const [newest] = (await handlers['history.list']({ id: story.id })).items;
    expect(newest!.words).toBe(facts.words);
    const item = (await ninjsItemOf(await exported('ninjsBundle'))) as { bodies: { wordcount?: number }[] };
    expect(item.bodies[0]!.wordcount).toBe(facts.words);
  });

  it('shows a draft as "Bản nháp" with the day it is printed, in every output that prints a time line', async () => {
    const draft = await handlers['stories.create']({ headline: 'Bài nháp', sapo: 'Một hai ba.', body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Bốn năm.' }] }] } });
    const html = seenInArticle(Buffer.from((await handlers['stories.export']({ id: draft.id, format: 'html' })).dataBase64, 'base64').toString('utf8'));
    expect(html.timeLine).toMatch(/^Bản nháp · (Thứ [2-7]|Chủ nhật), \d{2}\/\d{2}\/\d{4}$/);
    const word = await mammoth.extractRawText({ buffer: Buffer.from((await handlers['stories.export']({ id: draft.id, format: 'docx' })).dataBase64, 'base64') });
    expect(word.value).toContain(html.timeLine);
  });
});
