import type { EditorView } from '@tiptap/pm/view';

/**
 * The indexes of the document's top-level blocks on screen, with one screen's height of margin above and below,
 * found by a binary search over their boxes (a few reads, not one per paragraph of a long story).
 */
export function visibleTopLevelRange(view: EditorView): [number, number] {
  const { doc } = view.state;
  const offsets: number[] = [];
  doc.forEach((_node, offset) => offsets.push(offset));
  if (offsets.length === 0) return [0, -1];
  const margin = window.innerHeight;
  const top = -margin;
  const bottom = window.innerHeight + margin;
  const rectOf = (index: number) => {
    const dom = view.nodeDOM(offsets[index]!);
    return dom instanceof Element ? dom.getBoundingClientRect() : null;
  };
  // If a block has no box (hidden), fall back to checking everything rather than nothing.
  const search = (isAfter: (rect: DOMRect) => boolean) => {
    let low = 0;
    let high = offsets.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      const rect = rectOf(middle);
      if (!rect) return null;
      if (isAfter(rect)) high = middle;
      else low = middle + 1;
    }
    return low;
  };
  const first = search((rect) => rect.bottom >= top);
  const afterLast = search((rect) => rect.top > bottom);
  if (first === null || afterLast === null) return [0, offsets.length - 1];
  return [first, afterLast - 1];
}
