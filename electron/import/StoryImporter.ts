import { parseHTML } from 'linkedom';
import type { DomDocument, DomElement } from '../../shared/import/domLike';
import { maxHtmlDepth, nestsDeeperThan } from '../../shared/import/htmlDepth';
import { htmlToStoryBlocks } from '../../shared/import/htmlToStoryBlocks';
import { disarmInlineCode, sanitizeStoryDocument } from '../../shared/import/sanitizeStoryHtml';
import { storyFromBlocks, type KnownParts } from '../../shared/import/storyFromBlocks';
import type { MediaItem } from '../../shared/media/mediaSchema';
import { photoCaptionAndCredit } from '../../shared/media/photoCaptionAndCredit';
import { documentProblem } from '../../shared/story/documentLimits';
import { plainText } from '../../shared/story/storyDocument';
import type { Story, TiptapNode } from '../../shared/story/storySchema';
import type { Logger } from '../log/Logger';
import type { MediaLibrary } from '../media/MediaLibrary';
import type { StoryStore } from '../store/StoryStore';
import { decodeHtmlFile } from './decodeHtmlFile';
import { importRefused } from './importRefused';
import { docxToHtml, importClasses } from './docxToHtml';

export interface StoryImporterOptions {
  stories: Pick<StoryStore, 'create'>;
  media: Pick<MediaLibrary, 'import'>;
  log: Logger;
}

const imageTypes: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/gif': 'gif', 'image/webp': 'webp' };

/**
 * Makes a new story from a Word (.docx) or HTML file. Both go the same way: HTML, cleaned by the same rules as
 * a paste, its photos into the media library (deduplicated, with their derived sizes and metadata), then read
 * into the story's fields by storyFromBlocks.
 */
export class StoryImporter {
  constructor(private readonly options: StoryImporterOptions) {}

  async importDocx(fileName: string, bytes: Buffer): Promise<Story> {
    return this.fromHtml(fileName, await docxToHtml(fileName, bytes));
  }

  async importHtml(fileName: string, bytes: Buffer): Promise<Story> {
    return this.fromHtml(fileName, decodeHtmlFile(fileName, bytes));
  }

  private async fromHtml(fileName: string, html: string): Promise<Story> {
    const disarmed = disarmInlineCode(html);
    // linkedom wants a whole document; a fragment (mammoth's output) is put inside one.
    const { document } = parseHTML(/<body[\s>]/i.test(disarmed) ? disarmed : `<!doctype html><html><head></head><body>${disarmed}</body></html>`);
    const doc = document as unknown as DomDocument;
    // Before anything walks it: the story's rules recurse, and a file nested thousands deep would overflow them.
    if (nestsDeeperThan(doc.body)) throw importRefused(fileName, `its HTML nests deeper than ${maxHtmlDepth} levels`, 'tệp lồng nhau quá sâu');
    const known = takeKnownParts(doc.body);
    sanitizeStoryDocument(doc);
    const photos = await this.importImages(fileName, doc.body);
    const story = storyFromBlocks(htmlToStoryBlocks(doc.body), known);
    story.body = withPhotoFacts(story.body, photos);
    // A file nested deeper than a story may be is refused as the file it is, not failed as a bad save.
    const tooDeep = documentProblem(story.body);
    if (tooDeep) throw importRefused(fileName, tooDeep, 'bài trong tệp lồng nhau quá sâu');
    const created = await this.options.stories.create(story);
    this.options.log.info(`imported ${fileName} as story ${created.id} with ${photos.size} photos`);
    return created;
  }

  /** Each image carried in the file goes to the media library, and its <img> then names it by id. */
  private async importImages(fileName: string, body: DomElement): Promise<Map<string, MediaItem>> {
    const photos = new Map<string, MediaItem>();
    const base = fileName.replace(/\.[^.]*$/, '');
    let index = 0;
    for (const image of Array.from(body.querySelectorAll('img'))) {
      const match = /^data:(image\/[a-z]+);base64,(.*)$/is.exec(image.getAttribute('src') ?? '');
      index++;
      if (!match) {
        image.remove();
        continue;
      }
      const name = `${base}-anh-${index}.${imageTypes[match[1]!.toLowerCase()] ?? 'jpg'}`;
      try {
        const item = await this.options.media.import(name, Buffer.from(match[2]!, 'base64'));
        photos.set(item.id, item);
        image.setAttribute('data-media-id', item.id);
        image.removeAttribute('src');
      } catch (error) {
        // One unreadable picture must not cost the reporter the whole story.
        this.options.log.warn(`${fileName}: image ${index} was left out: ${(error as Error).message}`);
        image.remove();
      }
    }
    return photos;
  }
}

/** The kicker and byline paragraphs a Dateline export marks, and the time line of its HTML page, which is not text. */
function takeKnownParts(body: DomElement): KnownParts {
  const known: KnownParts = {};
  const kicker = body.querySelector(`p.${importClasses.kicker}, article.story > p.kicker`);
  if (kicker) {
    known.kicker = (kicker.textContent ?? '').normalize('NFC').trim();
    kicker.remove();
  }
  const byline = body.querySelector(`p.${importClasses.byline}, article.story > p.byline`);
  if (byline) {
    known.bylines = (byline.textContent ?? '').normalize('NFC').split(/\s+[–-]\s+|,\s*/).map((name) => name.trim()).filter(Boolean);
    byline.remove();
  }
  for (const line of Array.from(body.querySelectorAll(`article.story > p.time-line, p.${importClasses.timeLine}`))) line.remove();
  // A page Dateline exported prints each photo's credit after its caption; it goes back into the credit field.
  for (const credit of Array.from(body.querySelectorAll('figure figcaption .credit'))) {
    let figure = credit.parentNode;
    while (figure && (figure as DomElement).tagName?.toLowerCase() !== 'figure') figure = figure.parentNode;
    (figure as DomElement | null)?.setAttribute('data-credit', (credit.textContent ?? '').normalize('NFC').trim());
    credit.remove();
  }
  // A Word file Dateline exported sets the credit apart in the caption line with a character style.
  for (const credit of Array.from(body.querySelectorAll(`p span.${importClasses.credit}`))) {
    (credit.parentNode as DomElement).setAttribute('data-credit', (credit.textContent ?? '').normalize('NFC').trim());
    credit.remove();
  }
  for (const line of Array.from(body.querySelectorAll(`p.${importClasses.centred}`))) line.setAttribute('align', 'center');
  return known;
}

/** Each figure's caption and credit by the rule every photo follows: the file's words first, the photo's metadata after. */
function withPhotoFacts(node: TiptapNode, photos: Map<string, MediaItem>): TiptapNode {
  if (node.type === 'figure') {
    const item = photos.get(String(node.attrs?.mediaId ?? ''));
    if (!item) return node;
    const said = { caption: plainText(node), credit: (node.attrs?.credit as string | undefined) ?? '' };
    const { caption, credit } = photoCaptionAndCredit(item, said);
    // The file's own caption keeps its nodes (its line breaks); only a caption the photo supplies is made here.
    const content = said.caption.trim() ? node.content : caption ? [{ type: 'text', text: caption }] : undefined;
    return { ...node, attrs: { ...node.attrs, credit }, ...(content ? { content } : {}) };
  }
  return node.content ? { ...node, content: node.content.map((child) => withPhotoFacts(child, photos)) } : node;
}
