import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { plainText } from '../../shared/story/storyDocument';
import type { Story, TiptapNode } from '../../shared/story/storySchema';
import { makeJpeg } from '../../tests/fixtures/wordInOut/sampleDocx';
import { ninjsItemOf, readZip } from '../../tests/support/readZip';
import { openTempServices } from '../../tests/support/tempServices';
import { createHandlers } from '../api/createHandlers';
import { StoryImporter } from '../import/StoryImporter';
import type { Services } from '../services/createServices';
import { StoryExporter } from './StoryExporter';

// The official ninjs 2.2 schema lives outside the repository, in ../shared/specs; a clone without it skips
// the schema checks, saying why.
const specsDir = join(process.cwd(), '..', 'shared', 'specs');
const hasSpecs = existsSync(join(specsDir, 'ninjs-schema_2.2.json'));
if (!hasSpecs) console.log(`skip ninjs schema validation: ${specsDir} is missing (the ninjs 2.2 schema is not copied into the repository)`);

function ninjsValidator() {
  const require = createRequire(import.meta.url);
  const Ajv2020 = require('ajv/dist/2020').default;
  const addFormats = require('ajv-formats').default;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(JSON.parse(readFileSync(join(specsDir, 'GeoJSON-schema.json'), 'utf8')));
  const validate = ajv.compile(JSON.parse(readFileSync(join(specsDir, 'ninjs-schema_2.2.json'), 'utf8')));
  return (value: unknown) => (validate(value) ? '' : ajv.errorsText(validate.errors));
}

/**
 * The item as a receiving system reads it once the bundle is unpacked somewhere: each rendition's href resolved
 * against the bundle's folder. The schema asks for an absolute URI there (`format: uri`); a bundle cannot know
 * where it will be unpacked, so it writes a reference relative to itself, as an HTML page does for its images.
 */
function resolvedAgainstBundle(item: { associations?: { renditions?: { href?: string }[] }[] }): unknown {
  const base = 'file:///unpacked/bundle/';
  return {
    ...item,
    associations: item.associations?.map((association) => ({
      ...association,
      renditions: association.renditions?.map((rendition) => (rendition.href ? { ...rendition, href: new URL(rendition.href, base).href } : rendition)),
    })),
  };
}

/** The ninjs item of an exported bundle. */
const ninjsOf = async (file: { bytes: Buffer }) => (await ninjsItemOf(file.bytes)) as Record<string, unknown>;

let services: Services;
let exporter: StoryExporter;
let importer: StoryImporter;
let handlers: ReturnType<typeof createHandlers>;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  const temp = await openTempServices();
  ({ services, close: cleanup } = temp);
  exporter = new StoryExporter({ stories: services.stories, media: services.media, log: temp.log, timeZone: () => 'Asia/Ho_Chi_Minh' });
  importer = new StoryImporter({ stories: services.stories, media: services.media, log: temp.log });
  handlers = createHandlers(services);
});
afterEach(() => cleanup());

const text = (value: string): TiptapNode[] => [{ type: 'text', text: value }];
const paragraph = (value: string): TiptapNode => ({ type: 'paragraph', content: text(value) });

const words = {
  kicker: 'Giao thông',
  headline: 'Đường ven biển Hạ Long – Cẩm Phả thông xe trước Tết',
  sapo: 'Sáng 12/1, tỉnh Quảng Ninh tổ chức lễ thông xe tuyến đường ven biển dài 16 km.',
  paragraphs: ['Tuyến đường giúp giảm ùn tắc cho quốc lộ 18 và rút ngắn thời gian đi lại.', 'Theo Sở Giao thông vận tải, tổng vốn đầu tư hơn 2.000 tỷ đồng.', 'Người dân ở phường Hà Phong mừng rỡ: “Giờ đi làm chỉ mất 20 phút.”'],
  captions: ['Tuyến đường nhìn từ trên cao, đoạn qua phường Hà Phong.', 'Lễ cắt băng khánh thành sáng 12/1.'],
  featuredCaption: 'Đoạn đường ven vịnh Cửa Lục lúc hoàng hôn.',
};

/** A story with a featured image, two figures with captions and credits, tags, a category, bylines and a source. */
async function richStory(): Promise<Story> {
  const [one, two, featured] = await Promise.all(['#2a6f97', '#b5651d', '#3a7d44'].map((colour) => makeJpeg(colour, 400, 250)));
  const [a, b, f] = await Promise.all([
    services.media.import('tren-cao.jpg', one!),
    services.media.import('cat-bang.jpg', two!),
    services.media.import('hoang-hon.jpg', featured!),
  ]);
  const figure = (mediaId: string, caption: string, credit: string): TiptapNode => ({ type: 'figure', attrs: { mediaId, src: null, alt: '', credit }, content: text(caption) });
  return services.stories.create({
    kicker: words.kicker,
    headline: words.headline,
    sapo: words.sapo,
    body: {
      type: 'doc',
      content: [
        paragraph(words.paragraphs[0]!),
        figure(a!.id, words.captions[0]!, 'Ảnh: Minh Đức'),
        { type: 'paragraph', content: [{ type: 'text', text: words.paragraphs[1]!, marks: [{ type: 'italic' }] }] },
        figure(b!.id, words.captions[1]!, 'Ảnh: Thu Hà'),
        paragraph(words.paragraphs[2]!),
      ],
    },
    category: 'Thời sự',
    tags: ['giao thông', 'Quảng Ninh'],
    bylines: ['Minh Đức', 'Thu Hà'],
    dateline: 'Quảng Ninh',
    source: 'Theo: nhandan.vn',
    featuredImage: { mediaId: f!.id, caption: words.featuredCaption, alt: 'Vịnh Cửa Lục' },
  });
}

describe('export to ninjs', () => {
  it.skipIf(!hasSpecs)('is a valid ninjs 2.2 item for a story with two figures, a featured image and tags', async () => {
    const story = await richStory();
    const file = await exporter.export(story.id, 'ninjsBundle');
    expect(file.fileName).toBe('duong-ven-bien-ha-long-cam-pha-thong-xe-truoc-tet.ninjs.zip');
    expect(file.mimeType).toBe('application/zip');
    const bundle = await readZip(file.bytes);
    const ninjs = JSON.parse(bundle.get('duong-ven-bien-ha-long-cam-pha-thong-xe-truoc-tet.json')!.toString('utf8'));
    expect(ninjsValidator()(resolvedAgainstBundle(ninjs))).toBe('');
    expect(ninjs.pubstatus).toBe('withheld');
    // Without an embargo there is no `embargoed`; an embargoed story is checked below.

    expect(ninjs.headlines[0]).toEqual({ role: 'main', value: words.headline });
    expect(ninjs.descriptions[0].value).toBe(words.sapo);
    expect(ninjs.language).toBe('vi');
    expect(ninjs.by).toBe('Minh Đức, Thu Hà');
    expect(ninjs.located).toBe('Quảng Ninh');
    expect(ninjs.infosources).toEqual([{ name: 'nhandan.vn', role: 'source' }]);
    expect(ninjs.versioncreated).toBe(new Date(story.updatedAt).toISOString());
    expect(ninjs.firstcreated).toMatch(/Z$/);
    expect(ninjs).not.toHaveProperty('embargoed');
    expect(ninjs.subjects).toEqual([
      { name: 'Thời sự', rel: 'category', literal: 'Thời sự' },
      { name: 'giao thông', rel: 'keyword', literal: 'giao thông' },
      { name: 'Quảng Ninh', rel: 'keyword', literal: 'Quảng Ninh' },
    ]);
    const html = ninjs.bodies.find((b: { contenttype: string }) => b.contenttype === 'text/html').value;
    const plain = ninjs.bodies.find((b: { contenttype: string }) => b.contenttype === 'text/plain').value;
    for (const paragraphText of words.paragraphs) expect(plain).toContain(paragraphText);
    expect(html).toContain('<em>Theo Sở Giao thông vận tải');
    expect(ninjs.associations.map((a: { name: string }) => a.name)).toEqual(['featureimage', 'figure-1', 'figure-2']);
    expect(ninjs.associations.map((a: { descriptions: { value: string }[] }) => a.descriptions[0]!.value)).toEqual([words.featuredCaption, ...words.captions]);
    expect(ninjs.associations[1]).toMatchObject({ type: 'picture', by: 'Ảnh: Minh Đức', renditions: [{ name: 'original', contenttype: 'image/jpeg', width: 400, height: 250 }] });
    // Every rendition names a file the bundle carries: the photo itself, byte for byte.
    for (const association of ninjs.associations) {
      const [rendition] = association.renditions;
      expect(rendition.href).toMatch(/^media\/[a-f0-9]{64}\.jpg$/);
      const id = /[a-f0-9]{64}/.exec(rendition.href)![0];
      expect(bundle.get(rendition.href)).toEqual(await readFile(services.media.filePath(id, 'original')!.path));
      expect(bundle.get(rendition.href)!.length).toBe(rendition.sizeinbytes);
    }
    expect([...bundle.keys()].filter((name) => name.startsWith('media/'))).toHaveLength(3);
  });

  it.skipIf(!hasSpecs)('as the item alone is a valid ninjs 2.2 item as it stands, the bundle\'s item without hrefs to files it does not carry', async () => {
    const story = await richStory();
    const file = await exporter.export(story.id, 'ninjs');
    expect(file.fileName).toBe('duong-ven-bien-ha-long-cam-pha-thong-xe-truoc-tet.json');
    expect(file.mimeType).toBe('application/json');
    const alone = JSON.parse(file.bytes.toString('utf8'));
    expect(ninjsValidator()(alone)).toBe('');
    const inBundle = await ninjsOf(await exporter.export(story.id, 'ninjsBundle'));
    // Apart from where its photos are, it is the bundle's item: the body HTML shows each caption without an image to load.
    const withoutPhotoFiles = (item: Record<string, unknown>) =>
      JSON.parse(JSON.stringify(item, (key, value) => (key === 'href' ? undefined : key === 'value' && typeof value === 'string' ? value.replace(/<img [^>]*>/g, '') : value)));
    expect(withoutPhotoFiles(alone)).toEqual(withoutPhotoFiles(inBundle));
    expect(alone.bodies[0].value).not.toContain('<img');
    for (const association of alone.associations) expect(association.renditions.map((r: { href?: string }) => r.href)).toEqual([undefined]);
  });

  it('gives pubstatus by the desk: withheld until published, usable once out, canceled once taken down or spiked', async () => {
    const story = await richStory();
    const pubstatus = async (id: string) => (await ninjsOf(await exporter.export(id, 'ninjsBundle'))).pubstatus;
    expect(await pubstatus(story.id)).toBe('withheld');
    for (const [to, expected] of [['submitted', 'withheld'], ['ready', 'withheld'], ['published', 'usable'], ['killed', 'canceled']] as const) {
      await handlers['stories.transition']({ id: story.id, to, acceptWarnings: true });
      expect(await pubstatus(story.id), to).toBe(expected);
    }
    const scheduled = await richStory();
    for (const to of ['submitted', 'ready'] as const) await handlers['stories.transition']({ id: scheduled.id, to });
    const publishAt = new Date(Date.now() + 86_400_000).toISOString();
    await handlers['stories.transition']({ id: scheduled.id, to: 'scheduled', publishAt, acceptWarnings: true });
    const item = await ninjsOf(await exporter.export(scheduled.id, 'ninjsBundle'));
    // Scheduled: not for readers before its time, which a receiving system reads as the embargo.
    expect(item).toMatchObject({ pubstatus: 'withheld', embargoed: publishAt });
    await handlers['stories.transition']({ id: story.id, to: 'spiked' });
    expect(await pubstatus(story.id)).toBe('canceled');
  });

  it.skipIf(!hasSpecs)('writes an embargoed story\'s embargo as `embargoed`, in UTC, and stays a valid ninjs 2.2 item', async () => {
    const story = await services.stories.create({
      headline: words.headline,
      body: { type: 'doc', content: [paragraph(words.paragraphs[0]!)] },
      embargo: { at: '2026-05-13T23:00:00.000Z', timeZone: 'Asia/Ho_Chi_Minh' },
    });
    expect(story.embargo?.at).toBe('2026-05-13T23:00:00.000Z');
    const ninjs = (await ninjsOf(await exporter.export(story.id, 'ninjsBundle'))) as { embargoed: string };
    expect(ninjs.embargoed).toBe('2026-05-13T23:00:00.000Z');
    expect(ninjsValidator()(ninjs)).toBe('');
  });

  it('keeps Vietnamese text composed (NFC) and writes UTF-8', async () => {
    const story = await services.stories.create({ headline: words.headline.normalize('NFD'), body: { type: 'doc', content: [paragraph(words.paragraphs[0]!)] } });
    const bytes = (await readZip((await exporter.export(story.id, 'ninjsBundle')).bytes)).values().next().value!;
    const ninjs = JSON.parse(bytes.toString('utf8'));
    expect(ninjs.headlines[0].value).toBe(words.headline.normalize('NFC'));
    expect(bytes.toString('utf8')).toBe(bytes.toString('utf8').normalize('NFC'));
  });
});

describe('export to HTML', () => {
  it('is one self-contained page: photos inline, captions under them, a print sheet, no script', async () => {
    const story = await richStory();
    const file = await exporter.export(story.id, 'html');
    const html = file.bytes.toString('utf8');
    expect(file.fileName).toMatch(/\.html$/);
    expect(html).toContain(`<h1 class="headline">${words.headline}</h1>`);
    expect(html).toContain('@media print');
    expect(html).not.toMatch(/<script|src="(?!data:)/);
    expect(html.match(/<img src="data:image\/jpeg;base64,/g)).toHaveLength(3);
    for (const caption of [...words.captions, words.featuredCaption]) expect(html).toContain(caption);
    expect(html).toContain('QUẢNG NINH – ');
  });

  it('comes back as the same story when imported', async () => {
    const story = await richStory();
    const back = await importer.importHtml('trang.html', (await exporter.export(story.id, 'html')).bytes);
    expect(back).toMatchObject({ kicker: words.kicker, headline: words.headline, sapo: words.sapo, dateline: 'Quảng Ninh', source: 'Theo: nhandan.vn', bylines: ['Minh Đức', 'Thu Hà'] });
    const figures = (back.body.content ?? []).filter((node) => node.type === 'figure');
    expect(figures.map(plainText)).toEqual([words.featuredCaption, ...words.captions]);
  });
});

describe('export to DOCX', () => {
  it('imports back with the headline, sapo, paragraphs and captions', async () => {
    const story = await richStory();
    const file = await exporter.export(story.id, 'docx');
    expect(file.fileName).toBe('duong-ven-bien-ha-long-cam-pha-thong-xe-truoc-tet.docx');
    expect(file.bytes.subarray(0, 2).toString('latin1')).toBe('PK');

    const back = await importer.importDocx(file.fileName, file.bytes);
    expect(back.headline).toBe(words.headline);
    expect(back.sapo).toBe(words.sapo);
    expect(back.kicker).toBe(words.kicker);
    expect(back.dateline).toBe('Quảng Ninh');
    expect(back.source).toBe('Theo: nhandan.vn');
    expect(back.bylines).toEqual(['Minh Đức', 'Thu Hà']);
    const blocks = back.body.content ?? [];
    expect(blocks.filter((node) => node.type === 'paragraph').map(plainText)).toEqual(words.paragraphs);
    const figures = blocks.filter((node) => node.type === 'figure');
    expect(figures.map(plainText)).toEqual([words.featuredCaption, ...words.captions]);
    expect(figures.map((figure) => figure.attrs?.credit)).toEqual(['', 'Ảnh: Minh Đức', 'Ảnh: Thu Hà']);
    const italic = blocks.find((node) => plainText(node) === words.paragraphs[1]);
    expect(italic?.content?.[0]?.marks).toEqual([{ type: 'italic' }]);
    // Every photo is back in the library (the display size, re-imported: new photos, the same pictures).
    for (const figure of figures) expect(services.media.get(String(figure.attrs?.mediaId))).toBeDefined();
  });

  it('refuses an unknown story with not_found', async () => {
    await expect(exporter.export('no-such-story', 'docx')).rejects.toMatchObject({ code: 'not_found' });
  });
});
