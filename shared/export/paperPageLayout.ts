import { sourceLine } from '../story/renderStoryHtml';
import { figureAlt, plainText } from '../story/storyDocument';
import type { Story, TiptapNode } from '../story/storySchema';
import { countStoryWords } from '../text/countStoryWords';
import { formatVietnameseDate, formatVietnameseDateTime } from '../text/vietnameseDate';

/** What the page needs of a story: its text, its photos and where it stands on the desk (for the time line). */
export type PaperStory = Pick<
  Story,
  'kicker' | 'headline' | 'sapo' | 'body' | 'bylines' | 'dateline' | 'source' | 'featuredImage' | 'status' | 'publishAt' | 'statusHistory'
>;

/** One photo as the page shows it, with the words printed under it. */
export interface PaperPhoto {
  /** The figure's attrs (mediaId, or a stand-in src), which each output turns into its own image address. */
  attrs: Record<string, unknown>;
  mediaId: string | null;
  caption: string;
  credit: string;
  /** The alt text, or the caption where the reporter left it empty. */
  alt: string;
  /** The story's featured image (ảnh đại diện). */
  lead: boolean;
}

/** A block of the body: text (a paragraph, subhead, list, quote, rule) as stored, or a photo. */
export type PaperBlock = { kind: 'text'; node: TiptapNode } | { kind: 'photo'; photo: PaperPhoto };

/**
 * The line under the headline: the publish time of a published or scheduled story (`Thứ 3, 14/05/2024 |
 * 08:34:23`, on the newsroom's clock), or `Bản nháp · Thứ 7, 05/12/2026` (the day it is printed) for one that has
 * no publish time yet.
 */
export interface PaperTimeLine {
  kind: 'published' | 'scheduled' | 'draft';
  /** The instant shown: the publish time, or for a draft the moment the page was laid out. */
  at: string;
  text: string;
}

/**
 * The paper's page, decided once: what appears, in which order, with which words. Every output (the preview,
 * the print view and its PDF, the HTML page, Word, ninjs, the WordPress post) is written from this, so none
 * of them can show a photo, a caption or a time the others do not.
 */
export interface PaperPage {
  kicker: string;
  headline: string;
  timeLine: PaperTimeLine;
  /** The dateline place as printed at the head of the sapo (`QUẢNG NINH`), or ''. */
  place: string;
  sapo: string;
  /** The featured image shown between the sapo and the body: only when it does not stand in the body itself. */
  lead: PaperPhoto | null;
  body: PaperBlock[];
  /** The bylines joined as printed (`Minh Đức – Thu Hà`), or ''. */
  byline: string;
  /** The source line as printed (`Theo: nhandan.vn`), or ''. */
  source: string;
  /** Every photo on the page, once each, in reading order: the lead above the body first. */
  photos: PaperPhoto[];
  /** The story's chữ, by the one count every place shows. */
  words: number;
}

export interface PaperPageOptions {
  /** The newsroom's clock, on which the time line is printed. */
  timeZone: string;
  /** The moment of laying out (UTC ISO): a draft's time line shows this day. */
  now: string;
}

/** Printed on a story not yet given a publish time; the page is the paper's, in Vietnamese whatever the UI. */
export const draftTimeLineLabel = 'Bản nháp';

/**
 * Lays out the paper's page for a story. The featured image appears once: where it also stands in the body, it
 * stays there, at its place, with the caption and credit written under it in the story; otherwise it comes
 * between the sapo and the body with its own caption.
 */
export function paperPageLayout(story: PaperStory, options: PaperPageOptions): PaperPage {
  const featuredId = story.featuredImage?.mediaId ?? null;
  let leadInBody = false;
  const body: PaperBlock[] = (story.body.content ?? []).map((node) => {
    if (node.type !== 'figure') return { kind: 'text', node };
    const photo = figurePhoto(node);
    if (featuredId && !leadInBody && photo.mediaId === featuredId) {
      photo.lead = true;
      leadInBody = true;
    }
    return { kind: 'photo', photo };
  });
  const lead = story.featuredImage && !leadInBody ? featuredPhoto(story.featuredImage) : null;
  const bodyPhotos = body.flatMap((block) => (block.kind === 'photo' ? [block.photo] : []));
  return {
    kicker: story.kicker.trim(),
    headline: story.headline.trim(),
    timeLine: timeLine(story, options),
    place: story.dateline.trim().toLocaleUpperCase('vi'),
    sapo: story.sapo.trim(),
    lead,
    body,
    byline: story.bylines.map((b) => b.trim()).filter(Boolean).join(' – '),
    source: sourceLine(story.source),
    photos: lead ? [lead, ...bodyPhotos] : bodyPhotos,
    words: countStoryWords(story),
  };
}

function figurePhoto(node: TiptapNode): PaperPhoto {
  const attrs = node.attrs ?? {};
  return {
    attrs,
    mediaId: typeof attrs.mediaId === 'string' && attrs.mediaId ? attrs.mediaId : null,
    caption: plainText(node).trim(),
    credit: typeof attrs.credit === 'string' ? attrs.credit.trim() : '',
    alt: figureAlt(node),
    lead: false,
  };
}

function featuredPhoto(featured: NonNullable<Story['featuredImage']>): PaperPhoto {
  const caption = featured.caption.trim();
  return { attrs: { mediaId: featured.mediaId }, mediaId: featured.mediaId, caption, credit: '', alt: featured.alt.trim() || caption, lead: true };
}

/**
 * A published story shows when it went out (its publish time, or for a story from before scheduling the moment
 * it was marked published); a taken-down one keeps that time; a scheduled one shows when it will go. Anything
 * else is a draft.
 */
function timeLine(story: PaperStory, { timeZone, now }: PaperPageOptions): PaperTimeLine {
  const went = story.status === 'published' || story.status === 'killed';
  const at = story.status === 'scheduled' ? story.publishAt?.at : went ? (story.publishAt?.at ?? lastMarked(story, 'published')) : undefined;
  if (at) return { kind: story.status === 'scheduled' ? 'scheduled' : 'published', at, text: formatVietnameseDateTime(at, timeZone) };
  return { kind: 'draft', at: now, text: `${draftTimeLineLabel} · ${formatVietnameseDate(now, timeZone)}` };
}

function lastMarked(story: PaperStory, status: 'published'): string | undefined {
  return story.statusHistory?.findLast((entry) => entry.status === status)?.at;
}
