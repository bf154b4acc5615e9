import type { Slice } from '@tiptap/pm/model';
import { Selection, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Mapping, ReplaceAroundStep, ReplaceStep, type Step, type StepMap } from '@tiptap/pm/transform';
import { confineToField, crossesFields, figureName, isPlainField, type StoryField } from './storyFields';
import { selectionStart } from './storySelections';

type Replace = ReplaceStep | ReplaceAroundStep;

const isReplace = (step: Step): step is Replace => step instanceof ReplaceStep || step instanceof ReplaceAroundStep;

/**
 * Text that goes into a one-line field: a slice's text, its blocks and lines joined by `separator`. Empty blocks
 * (the ones a replacement across the story's structure drags along) add nothing; inline text is taken as it is.
 */
export function oneLineText(slice: Slice, separator: string): string {
  const lines = slice.content.textBetween(0, slice.content.size, '\n', '\n').split('\n');
  const kept = lines.length > 1 ? lines.filter((line) => line.trim()) : lines;
  return kept.join('\n').replace(/\s*\n\s*/g, separator);
}

const structure = new Set(['kicker', 'headline', 'sapo', figureName]);

function carriesStructure(slice: Slice): boolean {
  let found = false;
  slice.content.descendants((node) => {
    found ||= structure.has(node.type.name);
    return !found;
  });
  return found;
}

function replaceInField(tr: Transaction, from: number, to: number, field: StoryField, slice: Slice, separator: string): void {
  if (isPlainField(field)) {
    const text = oneLineText(slice, separator);
    if (text) tr.insertText(text, from, to);
    else if (from < to) tr.delete(from, to);
  } else if (carriesStructure(slice)) {
    // A replacement that reached across the top of the story drags kicker, headline or sapo nodes along: only
    // its text belongs in the body.
    const text = oneLineText(slice, separator);
    if (text) tr.insertText(text, from, to);
    else if (from < to) tr.delete(from, to);
  } else if (slice.size) tr.replaceRange(from, to, slice);
  else if (from < to) tr.delete(from, to);
}

/** Where the content the newest steps put in ends, as ProseMirror finds it for a replaced selection. */
function insertionEnd(tr: Transaction, firstStep: number, fallback: number): number {
  if (tr.steps.length === firstStep) return fallback;
  let end = fallback;
  tr.mapping.maps[tr.mapping.maps.length - 1]!.forEach((_from, _to, _newFrom, newTo) => (end = newTo));
  return end;
}

/**
 * The transaction an edit should have been, when one of its replacements reaches from one field into another:
 * that replacement is narrowed to the field where the selection starts (its anchor, or the field a whole-story
 * selection was widened from), so text typed or pasted lands there, the selected part of that field goes, and the
 * other fields keep all their text. A one-line field takes the new content as plain text. The steps after it are
 * carried over onto the narrowed result (a drop inserts after deleting what was dragged). Null when no step of
 * the edit crosses a field boundary.
 */
export function confineTransaction(state: EditorState, tr: Transaction, separator = ' '): Transaction | null {
  const crossAt = tr.steps.findIndex((step, i) => isReplace(step) && crossesFields(tr.docs[i]!, step.from, step.to));
  // A transaction made on another state is not ours to rewrite; ProseMirror refuses it anyway.
  if (crossAt < 0 || tr.before !== state.doc) return null;
  const out = state.tr;
  for (let i = 0; i < crossAt; i++) out.step(tr.steps[i]!);
  const outAtCross = out.steps.length;
  const start = selectionStart(state.selection);
  // The original's later steps were made on its own documents: each is brought back through the inverted maps of
  // the original steps since the first crossing, then forward through what was done instead.
  const back: StepMap[] = [];
  let cursor: number | null = null;
  let lastRewritten = false;
  for (let i = crossAt; i < tr.steps.length; i++) {
    const step = tr.steps[i]!;
    const mapped = step.map(new Mapping([...back, ...out.mapping.maps.slice(outAtCross)]));
    back.unshift(step.getMap().invert());
    lastRewritten = false;
    if (!mapped) continue;
    if (isReplace(mapped) && crossesFields(out.doc, mapped.from, mapped.to)) {
      lastRewritten = true;
      // Typing, pasting or deleting over a selection starts with one step that replaces it, but that step's own
      // shape is no guide: typing over headline and sapo is a single step that also pulls the rest of the sapo up
      // into the headline. So what it meant is read off the selection, and what stands there once it is done.
      const { selection } = state;
      const onSelection = i === 0 && !selection.empty && selection.from >= mapped.from && selection.to <= mapped.to;
      // Wrapping or lifting blocks across fields has no narrowed meaning: it is left out.
      if (!onSelection && mapped instanceof ReplaceAroundStep) continue;
      const map = step.getMap();
      const from = onSelection ? selection.from : mapped.from;
      const to = onSelection ? selection.to : mapped.to;
      const slice = onSelection ? (tr.docs[i + 1] ?? tr.doc).slice(map.map(from, -1), map.map(to, 1)) : mapped.slice;
      const anchor = out.mapping.map(start);
      const range = confineToField(out.doc, from, to, anchor >= from && anchor <= to ? anchor : from);
      const stepsBefore = out.steps.length;
      replaceInField(out, range.from, range.to, range.field, slice, separator);
      cursor = insertionEnd(out, stepsBefore, range.from);
    } else {
      const stepsBefore = out.steps.length;
      out.maybeStep(mapped);
      if (cursor !== null && out.steps.length > stepsBefore) cursor = out.mapping.slice(stepsBefore).map(cursor);
    }
  }
  if (tr.selectionSet && !lastRewritten) {
    out.setSelection(tr.selection.map(out.doc, new Mapping([...back, ...out.mapping.maps.slice(outAtCross)])));
  } else if (cursor !== null) {
    out.setSelection(Selection.near(out.doc.resolve(cursor), -1));
  }
  // The original's metadata (a paste, a drop, a composition, whether it goes into the undo history) goes with it.
  for (const [key, value] of Object.entries((tr as unknown as { meta: Record<string, unknown> }).meta)) out.setMeta(key, value);
  out.setTime(tr.time);
  if (tr.storedMarksSet) out.setStoredMarks(tr.storedMarks);
  if (tr.scrolledIntoView) out.scrollIntoView();
  return out;
}
