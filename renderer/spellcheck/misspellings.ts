import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Decoration } from '@tiptap/pm/view';
import { newsroomKey, spellTokens, type SpellToken } from '../../shared/text/spellSyllables';
import type { SpellChecker } from './spellChecker';

/** What a misspelling decoration carries, for the context menu and for the newsroom dictionary. */
export interface MisspellingSpec {
  word: string;
}

export const misspellingClass = 'spelling-error';

/**
 * A textblock's text with one character per document position: text as it is, any inline node (a hard break)
 * as U+FFFC times its size, so an offset in the string plus the block's content start is a document position.
 */
export function textblockText(block: ProseMirrorNode): string {
  let text = '';
  block.forEach((child) => {
    text += child.isText ? (child.text ?? '') : '\ufffc'.repeat(child.nodeSize);
  });
  return text;
}

// Nodes are immutable, so a block's syllables are found once; a pass waiting on the worker reuses them.
const tokenCache = new WeakMap<ProseMirrorNode, SpellToken[]>();

function tokensOf(block: ProseMirrorNode): SpellToken[] {
  let tokens = tokenCache.get(block);
  if (!tokens) tokenCache.set(block, (tokens = spellTokens(textblockText(block))));
  return tokens;
}

export interface BlockCheck {
  decorations: Decoration[];
  /** Words the checker has no verdict for yet; the block is decorated again once they are answered. */
  unknown: string[];
  /** False when a word was left out because the caret is still in it. */
  complete: boolean;
}

/**
 * The misspellings of one textblock whose content starts at `start`, from the verdicts the checker already has.
 * The word the caret is typing (`caret` at or inside it) is not judged yet: "ngh" on the way to "nghiên" is not
 * an error.
 */
export function checkTextblock(block: ProseMirrorNode, start: number, checker: SpellChecker, accepted: ReadonlySet<string>, caret: number | null): BlockCheck {
  const decorations: Decoration[] = [];
  const unknown: string[] = [];
  let complete = true;
  for (const token of tokensOf(block)) {
    const from = start + token.from;
    const to = start + token.to;
    if (caret !== null && caret >= from && caret <= to) {
      complete = false;
      continue;
    }
    const verdict = checker.verdict(token.word);
    if (verdict === undefined) unknown.push(token.word);
    else if (verdict && !accepted.has(newsroomKey(token.word))) {
      const spec: MisspellingSpec & { inclusiveStart: boolean; inclusiveEnd: boolean } = { word: token.word, inclusiveStart: false, inclusiveEnd: false };
      decorations.push(Decoration.inline(from, to, { class: misspellingClass }, spec));
    }
  }
  return { decorations, unknown, complete };
}
