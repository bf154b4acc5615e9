import type { Node as ProseMirrorNode, ResolvedPos } from '@tiptap/pm/model';
import { firstBodyIndex } from './StoryDocument';

/**
 * The fields of a story, as a reporter sees them: the kicker, the headline and the sapo (each one node at the top of
 * the document), each photo's caption, and the body, which is every other block. A position between the top-level
 * nodes before the body belongs to no field: an edit that reaches one of those reaches into a section's structure.
 */
export type StoryField =
  | { kind: 'section'; index: number }
  | { kind: 'caption'; before: number }
  | { kind: 'body' }
  | { kind: 'edge'; index: number };

export const figureName = 'figure';

/** The figure holding this position (its depth), or 0 when there is none. */
function figureDepth($pos: ResolvedPos): number {
  for (let depth = $pos.depth; depth > 0; depth--) if ($pos.node(depth).type.name === figureName) return depth;
  return 0;
}

/** Where the body starts: just after the sapo. */
export function bodyStart(doc: ProseMirrorNode): number {
  let pos = 0;
  for (let i = 0; i < firstBodyIndex; i++) pos += doc.child(i).nodeSize;
  return pos;
}

export function fieldAt(doc: ProseMirrorNode, pos: number): StoryField {
  const $pos = doc.resolve(pos);
  if ($pos.depth === 0) {
    const index = $pos.index(0);
    return index >= firstBodyIndex ? { kind: 'body' } : { kind: 'edge', index };
  }
  const top = $pos.index(0);
  if (top < firstBodyIndex) return { kind: 'section', index: top };
  const depth = figureDepth($pos);
  return depth ? { kind: 'caption', before: $pos.before(depth) } : { kind: 'body' };
}

export function sameField(a: StoryField, b: StoryField): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'body') return true;
  if (a.kind === 'caption') return a.before === (b as typeof a).before;
  return a.index === (b as typeof a).index;
}

/** Whether replacing from..to would reach from one field into another (a pure insertion never does). */
export function crossesFields(doc: ProseMirrorNode, from: number, to: number): boolean {
  return from !== to && !sameField(fieldAt(doc, from), fieldAt(doc, to));
}

/** The text inside a section or caption node that starts at `before`. */
function contentOf(doc: ProseMirrorNode, before: number): { from: number; to: number } {
  const node = doc.nodeAt(before)!;
  return { from: before + 1, to: before + node.nodeSize - 1 };
}

/** The whole of one field: a section's or caption's text, or the body from its first block to the end. */
export function fieldRange(doc: ProseMirrorNode, field: StoryField): { from: number; to: number } {
  switch (field.kind) {
    case 'body':
      return { from: bodyStart(doc), to: doc.content.size };
    case 'caption':
      return contentOf(doc, field.before);
    default: {
      let before = 0;
      for (let i = 0; i < field.index; i++) before += doc.child(i).nodeSize;
      return contentOf(doc, before);
    }
  }
}

/** The field a selection's start (or the whole story selection's origin) lies in; a boundary counts as the section after it. */
export function startField(doc: ProseMirrorNode, start: number): StoryField {
  const field = fieldAt(doc, start);
  return field.kind === 'edge' ? { kind: 'section', index: field.index } : field;
}

/** Whether the field holds only plain text on one line (the kicker, headline, sapo and captions). */
export function isPlainField(field: StoryField): boolean {
  return field.kind !== 'body';
}

/**
 * The part of from..to inside the field `start` lies in. For the body, an end that falls inside a photo's caption
 * is moved out of that photo, towards the start, so the photo is either wholly kept or wholly inside the range.
 */
export function confineToField(doc: ProseMirrorNode, from: number, to: number, start: number): { from: number; to: number; field: StoryField } {
  const field = startField(doc, start);
  const range = fieldRange(doc, field);
  let lo = Math.max(from, range.from);
  let hi = Math.min(to, range.to);
  if (field.kind === 'body') {
    const $lo = doc.resolve(lo);
    const loFigure = figureDepth($lo);
    if (loFigure) lo = $lo.after(loFigure);
    const $hi = doc.resolve(hi);
    const hiFigure = figureDepth($hi);
    if (hiFigure) hi = $hi.before(hiFigure);
  }
  if (hi < lo) hi = lo = Math.min(Math.max(start, range.from), range.to);
  return { from: lo, to: hi, field };
}
