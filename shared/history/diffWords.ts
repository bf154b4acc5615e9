import { diffArrays } from 'diff';
import { toNfc } from '../text/normalizeText';

export interface DiffPart {
  text: string;
  /** Only in the newer text, only in the older one, or in both. */
  change: 'inserted' | 'deleted' | 'same';
}

// Words (letters with their marks, digits), runs of spaces, and single other characters. A syllable whose tone
// mark changed ("hoà" → "hòa" is the same word; "hoa" → "hòa" is not) is a different token, so a changed mark
// shows as a changed word. Old and new tone placement are compared as written: restyling is a change too.
const tokenPattern = /[\p{L}\p{M}\p{N}]+|\s+|[^\p{L}\p{M}\p{N}\s]/gu;

/**
 * A word-level diff of two texts, for showing two versions side by side. Within a changed stretch the old words
 * come first, then the new ones, and a space between two changed words stays inside the stretch, so
 * "Cầu mới" → "Cầu Bạch Đằng" reads as "mới" deleted, "Bạch Đằng" inserted.
 */
export function diffWords(older: string, newer: string): DiffPart[] {
  const before = toNfc(older).match(tokenPattern) ?? [];
  const after = toNfc(newer).match(tokenPattern) ?? [];
  const changes = diffArrays(before, after).map((c) => ({ text: c.value.join(''), change: (c.added ? 'inserted' : c.removed ? 'deleted' : 'same') as DiffPart['change'] }));
  const parts: DiffPart[] = [];
  let deleted = '';
  let inserted = '';
  const closeStretch = () => {
    // A space both sides end with belongs to the unchanged text after them.
    const space = deleted && inserted ? (/\s+$/.exec(deleted)?.[0] ?? '') : '';
    const shared = space && inserted.endsWith(space) ? space : '';
    if (deleted) parts.push({ text: deleted.slice(0, deleted.length - shared.length), change: 'deleted' });
    if (inserted) parts.push({ text: inserted.slice(0, inserted.length - shared.length), change: 'inserted' });
    if (shared) parts.push({ text: shared, change: 'same' });
    deleted = inserted = '';
  };
  changes.forEach((part, i) => {
    const between = part.change === 'same' && /^\s+$/.test(part.text) && (deleted || inserted) && changes[i + 1] && changes[i + 1]!.change !== 'same';
    if (part.change === 'deleted' || between) deleted += part.text;
    if (part.change === 'inserted' || between) inserted += part.text;
    if (part.change === 'same' && !between) {
      closeStretch();
      const last = parts.at(-1);
      if (last?.change === 'same') last.text += part.text;
      else parts.push({ ...part });
    }
  });
  closeStretch();
  return parts;
}
