import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { AllSelection, Selection, TextSelection } from '@tiptap/pm/state';
import type { Mappable } from '@tiptap/pm/transform';
import { bodyStart } from './storyFields';

/**
 * A stretch of the body whose ends may lie between blocks, so that it can hold a photo whole: the whole body
 * (from just after the sapo to the end, photos included) or the part of a selection kept inside the body. A text
 * selection cannot say this when the stretch opens or closes with a photo: its ends would fall inside a caption.
 */
export class BodySelection extends Selection {
  constructor(doc: ProseMirrorNode, from = bodyStart(doc), to = doc.content.size, backward = false) {
    const $from = doc.resolve(from);
    const $to = doc.resolve(to);
    super(backward ? $to : $from, backward ? $from : $to);
  }

  /** Whether this is all of the body. */
  get isWholeBody(): boolean {
    return this.from === bodyStart(this.$from.doc) && this.to === this.$from.doc.content.size;
  }

  map(doc: ProseMirrorNode, mapping: Mappable): Selection {
    const from = mapping.map(this.from, 1);
    const to = mapping.map(this.to, -1);
    if (from >= to) return Selection.near(doc.resolve(from));
    return new BodySelection(doc, from, to, this.head < this.anchor);
  }

  eq(other: Selection): boolean {
    return other instanceof BodySelection && other.anchor === this.anchor && other.head === this.head;
  }

  override toJSON() {
    return { type: 'storyBody', anchor: this.anchor, head: this.head };
  }

  static override fromJSON(doc: ProseMirrorNode, json: { anchor: number; head: number }): BodySelection {
    return new BodySelection(doc, Math.min(json.anchor, json.head), Math.max(json.anchor, json.head), json.head < json.anchor);
  }
}

Selection.jsonID('storyBody', BodySelection);

/**
 * The whole story, remembering where the reporter was when they widened the selection to it: typing over it
 * goes there, never into the kicker. Mapping it through an edit gives a plain AllSelection, so the origin only
 * counts while this very selection stands.
 */
export class WholeStorySelection extends AllSelection {
  constructor(
    doc: ProseMirrorNode,
    /** A position in the field the selection was widened from. */
    readonly origin: number,
  ) {
    super(doc);
  }
}

/** Where a selection starts for the reporter: its anchor, or the field a whole-story selection was widened from. */
export function selectionStart(selection: Selection): number {
  return selection instanceof WholeStorySelection ? selection.origin : selection.anchor;
}

/** A selection over from..to: a text selection where both ends are in text, else a stretch of the body. */
export function selectionOver(doc: ProseMirrorNode, from: number, to: number, backward = false): Selection {
  if (doc.resolve(from).parent.inlineContent && doc.resolve(to).parent.inlineContent) {
    return backward ? TextSelection.create(doc, to, from) : TextSelection.create(doc, from, to);
  }
  return new BodySelection(doc, from, to, backward);
}
