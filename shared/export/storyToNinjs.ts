import type { MediaItem } from '../media/mediaSchema';
import { sourcePrefix } from '../story/renderStoryHtml';
import type { Story, TiptapNode } from '../story/storySchema';
import { storyLength } from '../text/countStoryWords';
import type { PaperPage, PaperPhoto } from './paperPageLayout';
import { renderPaperBody, renderPaperFooter } from './renderPaperArticle';

/**
 * The photo facts an association carries; the media library's items have them. `href` is where a receiving
 * system finds the file, relative to the export bundle that carries it (`media/<file>`).
 */
export type NinjsPhoto = Pick<MediaItem, 'id' | 'mimeType' | 'width' | 'height' | 'bytes' | 'fileName'> & {
  href?: string;
  /** The photo's address on the paper's site, once delivered there: a second rendition, `web`. */
  siteHref?: string;
};

type NinjsObject = Record<string, unknown>;
type NinjsStory = Pick<Story, 'id' | 'revision' | 'createdAt' | 'updatedAt' | 'status' | 'trashedAt' | 'embargo' | 'publishAt' | 'category' | 'tags' | 'dateline' | 'bylines' | 'sapo' | 'body'>;

const utc = (instant: string) => new Date(instant).toISOString();
const storyUri = (id: string) => `urn:dateline:story:${id}`;
const photoUri = (id: string) => `urn:dateline:media:${id}`;

/**
 * ninjs's publication status follows the desk: only a published story is `usable`; one not yet out (a draft,
 * one waiting for the desk, approved or scheduled) is `withheld`; one taken down or spiked is `canceled`.
 */
export function ninjsPubstatus(story: Pick<Story, 'status' | 'trashedAt'>): 'usable' | 'withheld' | 'canceled' {
  if (story.trashedAt !== null || story.status === 'killed') return 'canceled';
  return story.status === 'published' ? 'usable' : 'withheld';
}

/**
 * The paper's page (paperPageLayout) as an IPTC ninjs 2.2 news item: the headline, the sapo as its description,
 * the body as HTML and as plain text (photos in place, the byline and source line last, as the page prints
 * them), the bylines, the dateline place, the category and tags as subjects, and every photo on the page, once,
 * in reading order, as an association with its caption, credit and a rendition a receiving system can fetch.
 * Times are in UTC. A scheduled story is embargoed until its publish time (or its own embargo, if later);
 * ninjs 2.x has no `keywords`, so tags are subjects whose `rel` is "keyword".
 */
export function storyToNinjs(story: NinjsStory, page: PaperPage, photos: ReadonlyMap<string, NinjsPhoto>): NinjsObject {
  const item: NinjsObject = {
    uri: storyUri(story.id),
    type: 'text',
    profile: 'dateline-story',
    version: String(story.revision),
    firstcreated: utc(story.createdAt),
    versioncreated: utc(story.updatedAt),
    pubstatus: ninjsPubstatus(story),
    language: 'vi',
    headlines: [{ role: 'main', value: page.headline }],
  };
  const embargo = embargoOf(story);
  if (embargo) item.embargoed = embargo;
  if (page.kicker) (item.headlines as NinjsObject[]).push({ role: 'kicker', value: page.kicker });
  if (page.sapo) item.descriptions = [{ role: 'summary', contenttype: 'text/plain', value: page.sapo }];
  // A lone item carries no files: its page shows a photo from the site once delivered, else the caption alone.
  const href = (attrs: Record<string, unknown>) => {
    const photo = typeof attrs.mediaId === 'string' ? photos.get(attrs.mediaId) : undefined;
    return photo?.href ?? photo?.siteHref ?? null;
  };
  const html = renderPaperBody(page, { imageUrl: href }) + renderPaperFooter(page);
  const length = storyLength(story);
  item.bodies = [
    { role: 'main', contenttype: 'text/html', value: html, wordcount: page.words, charcount: length.characters },
    { role: 'main', contenttype: 'text/plain', value: pagePlainText(page) },
  ];
  const bylines = story.bylines.map((b) => b.trim()).filter(Boolean);
  if (bylines.length) item.by = bylines.join(', ');
  if (page.place) item.located = story.dateline.trim();
  const subjects = [
    ...(story.category.trim() ? [{ name: story.category.trim(), rel: 'category', literal: story.category.trim() }] : []),
    ...story.tags.map((tag) => tag.trim()).filter(Boolean).map((tag) => ({ name: tag, rel: 'keyword', literal: tag })),
  ];
  if (subjects.length) item.subjects = subjects;
  if (page.source) item.infosources = [{ name: page.source.replace(sourcePrefix, '').trim(), role: 'source' }];
  let figure = 0;
  const associations = page.photos.map((photo) => association(photo.lead ? 'featureimage' : `figure-${++figure}`, photo, photos));
  if (associations.length) item.associations = associations;
  return item;
}

function embargoOf(story: NinjsStory): string | null {
  const instants = [story.embargo?.at, story.status === 'scheduled' && story.trashedAt === null ? story.publishAt?.at : undefined].filter((at): at is string => !!at);
  if (!instants.length) return null;
  return utc(instants.reduce((a, b) => (Date.parse(a) >= Date.parse(b) ? a : b)));
}

function association(name: string, photo: PaperPhoto, photos: ReadonlyMap<string, NinjsPhoto>): NinjsObject {
  const id = photo.mediaId ?? '';
  const item: NinjsObject = { name, uri: photoUri(id), type: 'picture', language: 'vi' };
  if (photo.caption) item.descriptions = [{ role: 'caption', contenttype: 'text/plain', value: photo.caption }];
  if (photo.alt && photo.alt !== photo.caption) item.headlines = [{ role: 'alternative', value: photo.alt }];
  if (photo.credit) {
    item.by = photo.credit;
    item.copyrightnotice = photo.credit;
  }
  const file = photos.get(id);
  if (file) {
    item.renditions = [
      { name: 'original', ...(file.href ? { href: file.href } : {}), contenttype: file.mimeType, width: file.width, height: file.height, sizeinbytes: file.bytes, title: file.fileName },
      ...(file.siteHref ? [{ name: 'web', href: file.siteHref }] : []),
    ];
  }
  return item;
}

/** The page below the sapo as plain text: one paragraph, heading or list item a line, each photo's caption and credit, then the byline and source. */
function pagePlainText(page: PaperPage): string {
  const lines: string[] = [];
  const photoLine = (photo: PaperPhoto) => [photo.caption, photo.credit].filter(Boolean).join(' ');
  if (page.lead) lines.push(photoLine(page.lead));
  for (const block of page.body) {
    if (block.kind === 'photo') lines.push(photoLine(block.photo));
    else lines.push(...blockLines(block.node));
  }
  lines.push(page.byline, page.source);
  return lines.map((line) => line.trim()).filter(Boolean).join('\n\n');
}

function blockLines(node: TiptapNode): string[] {
  const lines: string[] = [];
  const pending = [node];
  while (pending.length) {
    const each = pending.pop()!;
    if (each.type === 'paragraph' || each.type === 'heading') {
      lines.push((each.content ?? []).map((child) => (child.type === 'hardBreak' ? '\n' : (child.text ?? ''))).join(''));
    } else if (each.type === 'figure') {
      continue;
    } else for (let i = (each.content?.length ?? 0) - 1; i >= 0; i--) pending.push(each.content![i]!);
  }
  return lines;
}
