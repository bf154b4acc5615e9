import { figuresOf, plainText } from '../story/storyDocument';
import { storyMetadataFields, type Story, type TiptapNode } from '../story/storySchema';
import { eachNode } from '../story/walkDocument';
import { diffWords, type DiffPart } from './diffWords';

export interface FieldDiff {
  /** Which part of the story: "headline", "sapo", "body", "caption:<n>", or a metadata field's name. */
  field: string;
  older: string;
  newer: string;
  parts: DiffPart[];
  changed: boolean;
}

/** The body's text block by block, a blank line between, figures left out (their captions are compared on their own). */
function bodyText(node: TiptapNode): string {
  const blocks: string[] = [];
  eachNode(node, (each) => {
    if (each.type === 'figure') return false;
    if (typeof each.text === 'string') blocks.push(each.text);
    else if (each.type === 'paragraph' || each.type === 'heading') blocks.push(plainText(each));
    else return true;
    return false;
  });
  return blocks.filter((block) => block !== '').join('\n\n');
}

/** A figure's caption is its text content. */
const captions = (body: TiptapNode): string[] => figuresOf(body).map(plainText);

/**
 * Two versions of a story compared field by field: headline, sapo, body, each figure's caption, the featured
 * image's caption, then the metadata. Each field can be shown, and restored, on its own.
 */
export function diffStories(older: Story, newer: Story): FieldDiff[] {
  const fields: [string, string, string][] = [
    ['headline', older.headline, newer.headline],
    ['sapo', older.sapo, newer.sapo],
    ['body', bodyText(older.body), bodyText(newer.body)],
  ];
  const [olderCaptions, newerCaptions] = [captions(older.body), captions(newer.body)];
  for (let i = 0; i < Math.max(olderCaptions.length, newerCaptions.length); i++) fields.push([`caption:${i + 1}`, olderCaptions[i] ?? '', newerCaptions[i] ?? '']);
  fields.push(['featuredCaption', older.featuredImage?.caption ?? '', newer.featuredImage?.caption ?? '']);
  for (const name of storyMetadataFields) {
    const text = (story: Story) => {
      const value = story[name];
      return Array.isArray(value) ? value.join(', ') : String(value);
    };
    fields.push([name, text(older), text(newer)]);
  }
  return fields.map(([field, a, b]) => ({ field, older: a, newer: b, parts: diffWords(a, b), changed: a !== b }));
}
