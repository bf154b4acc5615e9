import type { DiffPart } from '../../shared/history/diffWords';

/** One side of a comparison: the older text with its deleted words struck, or the newer with its inserted marked. */
export function DiffText({ parts, side }: { parts: DiffPart[]; side: 'older' | 'newer' }) {
  const hidden = side === 'older' ? 'inserted' : 'deleted';
  return (
    <div className={`diff-text diff-${side}`}>
      {parts.map((part, i) =>
        part.change === hidden ? null : part.change === 'deleted' ? (
          <del key={i}>{part.text}</del>
        ) : part.change === 'inserted' ? (
          <ins key={i}>{part.text}</ins>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </div>
  );
}
