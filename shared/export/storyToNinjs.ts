import type { MediaItem } from '../media/mediaSchema';
import { renderNode, sourcePrefix } from '../story/renderStoryHtml';
import { plainText } from '../story/storyDocument';
import { countWords } from '../text/countWords';
import type { Story, TiptapNode } from '../story/storySchema';
import { eachNode } from '../story/walkDocument';

/** The photo facts an association carries; the media library's items have them. */
export type NinjsPhoto = Pick<MediaItem, 'id' | 'mimeType' | 'width' | 'height' | 'bytes' | 'fileName'>;

type NinjsObject = Record<string, unknown>;

const utc = (instant: string) => new Date(instant).toISOString();
const storyUri = (id: string) => `urn:dateline:story:${id}`;
const photoUri = (id: string) => `urn:dateline:media:${id}`;

/**
 * A story as an IPTC ninjs 2.2 news item: the headline, the sapo as its description, the body as HTML and as
 * plain text, the bylines, the dateline place, the category and tags as subjects, and every photo (the featured
 * image first, then the figures in order) as an association with its caption and credit. Times are in UTC. An
 * embargo is written only where the story has one; ninjs 2.x has no `keywords`, so tags are subjects whose
 * `rel` is "keyword".
 */
export function storyToNinjs(story: Story, photos: ReadonlyMap<string, NinjsPhoto>): NinjsObject {
  const item: NinjsObject = {
    uri: storyUri(story.id),
    type: 'text',
    profile: 'dateline-story',
    version: String(story.revision),
    firstcreated: utc(story.createdAt),
    versioncreated: utc(story.updatedAt),
    pubstatus: 'usable',
    language: 'vi',
    headlines: [{ role: 'main', value: story.headline.trim() }],
  };
  if (story.embargo) item.embargoed = utc(story.embargo.at);
  if (story.kicker.trim()) (item.headlines as NinjsObject[]).push({ role: 'kicker', value: story.kicker.trim() });
  if (story.sapo.trim()) item.descriptions = [{ role: 'summary', contenttype: 'text/plain', value: story.sapo.trim() }];
  const html = renderNode(story.body, { imageUrl: () => null });
  const text = bodyText(story.body);
  item.bodies = [
    { role: 'main', contenttype: 'text/html', value: html, wordcount: countWords(text), charcount: text.length },
    { role: 'main', contenttype: 'text/plain', value: text },
  ];
  const bylines = story.bylines.map((b) => b.trim()).filter(Boolean);
  if (bylines.length) item.by = bylines.join(', ');
  if (story.dateline.trim()) item.located = story.dateline.trim();
  const subjects = [
    ...(story.category.trim() ? [{ name: story.category.trim(), rel: 'category', literal: story.category.trim() }] : []),
    ...story.tags.map((tag) => tag.trim()).filter(Boolean).map((tag) => ({ name: tag, rel: 'keyword', literal: tag })),
  ];
  if (subjects.length) item.subjects = subjects;
  if (story.source.trim()) item.infosources = [{ name: story.source.trim().replace(sourcePrefix, '').trim(), role: 'source' }];
  const associations = storyAssociations(story, photos);
  if (associations.length) item.associations = associations;
  return item;
}

function storyAssociations(story: Story, photos: ReadonlyMap<string, NinjsPhoto>): NinjsObject[] {
  const out: NinjsObject[] = [];
  if (story.featuredImage) {
    out.push(association('featureimage', story.featuredImage.mediaId, story.featuredImage.caption, '', story.featuredImage.alt, photos));
  }
  let index = 0;
  eachNode(story.body, (node) => {
    if (node.type === 'figure' && typeof node.attrs?.mediaId === 'string' && node.attrs.mediaId) {
      index++;
      const credit = typeof node.attrs.credit === 'string' ? node.attrs.credit : '';
      const alt = typeof node.attrs.alt === 'string' ? node.attrs.alt : '';
      out.push(association(`figure-${index}`, node.attrs.mediaId, plainText(node), credit, alt, photos));
    }
  });
  return out;
}

function association(name: string, mediaId: string, caption: string, credit: string, alt: string, photos: ReadonlyMap<string, NinjsPhoto>): NinjsObject {
  const photo = photos.get(mediaId);
  const item: NinjsObject = { name, uri: photoUri(mediaId), type: 'picture', language: 'vi' };
  if (caption.trim()) item.descriptions = [{ role: 'caption', contenttype: 'text/plain', value: caption.trim() }];
  if (alt.trim()) item.headlines = [{ role: 'alternative', value: alt.trim() }];
  if (credit.trim()) {
    item.by = credit.trim();
    item.copyrightnotice = credit.trim();
  }
  if (photo) {
    item.renditions = [{ name: 'original', contenttype: photo.mimeType, width: photo.width, height: photo.height, sizeinbytes: photo.bytes, title: photo.fileName }];
  }
  return item;
}

/** The body as plain text: one paragraph, heading, list item or caption per block, blank lines between. */
function bodyText(body: TiptapNode): string {
  const blocks: string[] = [];
  eachNode(body, (node) => {
    if (!['paragraph', 'heading', 'figure'].includes(node.type)) return true;
    const text = (node.content ?? []).map((child) => (child.type === 'hardBreak' ? '\n' : plainText(child))).join('').trim();
    if (text) blocks.push(text);
    return false;
  });
  return blocks.join('\n\n');
}
