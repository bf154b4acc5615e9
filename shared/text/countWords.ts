/**
 * Counts words the way Vietnamese newsrooms count *chữ*: each space-separated syllable is one, and a run of
 * punctuation alone is none.
 */
export function countWords(text: string): number {
  let count = 0;
  for (const token of text.split(/\s+/u)) if (/[\p{L}\p{N}]/u.test(token)) count++;
  return count;
}

/** A Vietnamese reader takes in about 220 chữ a minute; any text at all takes at least a minute. */
export function readingMinutes(words: number): number {
  return words === 0 ? 0 : Math.max(1, Math.round(words / 220));
}
