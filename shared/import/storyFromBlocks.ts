import { sourcePrefix } from '../story/renderStoryHtml';
import { plainText } from '../story/storyDocument';
import type { StoryChanges, TiptapNode } from '../story/storySchema';

/** The story fields an imported file fills. */
export type ImportedStory = Required<Pick<StoryChanges, 'kicker' | 'headline' | 'sapo' | 'body' | 'dateline' | 'source' | 'original' | 'bylines'>>;

export interface KnownParts {
  /** A kicker the file marked as one (a DOCX exported by Dateline has a "Kicker" paragraph style). */
  kicker?: string;
  bylines?: string[];
}

const longestCaption = 2_000;
const longestPlace = 40;

/**
 * Reads a story's anatomy out of an imported document's blocks, the way a Vietnamese newsroom lays out a
 * story in Word: the first heading (or, without one, the first line) is the headline; a paragraph in bold
 * right under it is the sapo, and a place written in capitals at its start ("QUẢNG NINH – …") is the dateline;
 * an italic or centred line right under a photo is its caption; a last line starting `Theo:` or `Nguồn:` is
 * the source line, and a story with one is not the newsroom's own. Everything else stays in the body, in order.
 */
export function storyFromBlocks(input: TiptapNode[], known: KnownParts = {}): ImportedStory {
  const blocks = input.filter((block) => block.type === 'figure' || block.type === 'horizontalRule' || plainText(block).trim());
  let headline = '';
  const first = blocks.findIndex((block) => block.type === 'heading' || block.type === 'paragraph');
  if (first >= 0) {
    const block = blocks[first]!;
    const content = block.content ?? [];
    const breakAt = content.findIndex((node) => node.type === 'hardBreak');
    if (block.type === 'paragraph' && breakAt >= 0) {
      headline = plainText({ type: 'paragraph', content: content.slice(0, breakAt) });
      blocks[first] = { ...block, content: content.slice(breakAt + 1) };
    } else {
      headline = plainText(block);
      blocks.splice(first, 1);
    }
  }

  let sapo = '';
  let dateline = '';
  const next = first >= 0 ? blocks[first] : undefined;
  if (next && isAllMarked(next, 'bold')) {
    sapo = plainText(next).trim();
    blocks.splice(first, 1);
    const place = /^([^–-]{2,})\s+[–-]\s+(.+)$/su.exec(sapo);
    if (place && place[1]!.length <= longestPlace && !/\p{Ll}/u.test(place[1]!)) {
      dateline = titleCase(place[1]!.trim());
      sapo = place[2]!.trim();
    }
  }

  let source = '';
  const last = blocks.at(-1);
  if (last?.type === 'paragraph' && sourcePrefix.test(plainText(last).trim())) {
    source = plainText(last).trim();
    blocks.pop();
  }

  const body: TiptapNode[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const below = blocks[i + 1];
    if (block.type === 'figure' && !block.content?.length && below && isCaptionLine(below)) {
      const caption = plainText(below).trim();
      const credit = typeof below.attrs?.credit === 'string' ? below.attrs.credit : block.attrs?.credit;
      body.push({ ...block, attrs: { ...block.attrs, credit: credit ?? '' }, ...(caption ? { content: [{ type: 'text', text: caption }] } : {}) });
      i++;
    } else {
      body.push(block);
    }
  }

  return {
    kicker: known.kicker?.trim() ?? '',
    headline: headline.trim(),
    sapo,
    dateline,
    source,
    // A story that names where it came from was not written here; one that names nothing is the reporter's own.
    original: !source,
    bylines: known.bylines ?? [],
    body: { type: 'doc', content: body.length ? body.map(withoutAlign) : [{ type: 'paragraph' }] },
  };
}

function isCaptionLine(block: TiptapNode): boolean {
  if (block.type !== 'paragraph') return false;
  const text = plainText(block).trim();
  if (!text && block.attrs?.credit) return true;
  if (!text || text.length > longestCaption) return false;
  return block.attrs?.align === 'center' || isAllMarked(block, 'italic');
}

/** True when every visible letter of a paragraph carries the mark. */
function isAllMarked(block: TiptapNode, mark: string): boolean {
  if (block.type !== 'paragraph') return false;
  const texts = (block.content ?? []).filter((node) => node.type === 'text' && node.text!.trim());
  return texts.length > 0 && texts.every((node) => node.marks?.some((m) => m.type === mark));
}

/** Drops the hints the HTML reader left on paragraphs: the editor's schema has no such attributes. */
function withoutAlign(block: TiptapNode): TiptapNode {
  const content = block.content?.map(withoutAlign);
  const { attrs, ...rest } = block;
  if (block.type !== 'paragraph') return { ...block, ...(content ? { content } : {}) };
  const { align: _align, credit: _credit, ...kept } = attrs ?? {};
  return { ...rest, ...(Object.keys(kept).length ? { attrs: kept } : {}), ...(content ? { content } : {}) };
}

function titleCase(place: string): string {
  return place
    .toLocaleLowerCase('vi')
    .replace(/(^|\s)(\p{L})/gu, (_match, space: string, letter: string) => space + letter.toLocaleUpperCase('vi'));
}
