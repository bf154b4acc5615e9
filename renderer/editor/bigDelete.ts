import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { Transaction } from '@tiptap/pm/state';
import { countWords } from '../../shared/text/countWords';

/** Fewer words than this going at once is ordinary editing, whatever share of a short story they are. */
const minWords = 2;
/** Text positions an edit must take out before its words are counted: typing takes out none. */
const minRemovedSize = minWords + 1;

interface FieldWords {
  headline: number;
  sapo: number;
  body: number;
  all: number;
}

/** The chữ in each field the guard watches, and in the whole story (kicker and captions too). */
function wordsOf(doc: ProseMirrorNode): FieldWords {
  const words: FieldWords = { headline: 0, sapo: 0, body: 0, all: 0 };
  doc.forEach((child, _offset, index) => {
    const count = countWords(child.textBetween(0, child.content.size, ' ', ' '));
    if (index === 1) words.headline += count;
    else if (index === 2) words.sapo += count;
    else if (index > 2) words.body += count;
    words.all += count;
  });
  return words;
}

/** How much an edit took out of the document, by the sizes of the ranges its steps replaced. */
function removedSize(transactions: readonly Transaction[]): number {
  let size = 0;
  for (const tr of transactions) for (const map of tr.mapping.maps) map.forEach((from, to) => (size += to - from));
  return size;
}

/**
 * The chữ an edit took out, when it is the kind a careless keystroke makes: more than half of the story's words,
 * or all of the headline, the sapo or the body where there was text. Null for anything less, and at once (no
 * counting) for an edit that took out almost nothing, as typing does.
 */
export function bigDeletion(before: ProseMirrorNode, after: ProseMirrorNode, transactions: readonly Transaction[]): number | null {
  if (removedSize(transactions) < minRemovedSize) return null;
  const was = wordsOf(before);
  const now = wordsOf(after);
  const removed = was.all - now.all;
  if (removed < minWords) return null;
  const emptied = (['headline', 'sapo', 'body'] as const).some((field) => was[field] > 0 && now[field] === 0);
  return emptied || removed * 2 > was.all ? removed : null;
}
