/**
 * Counts words the way Vietnamese newsrooms count *chữ*: each space-separated syllable is one, and a run of
 * punctuation alone is none.
 */
export function countWords(text: string): number {
  let count = 0;
  for (const token of text.split(/\s+/u)) if (/[\p{L}\p{N}]/u.test(token)) count++;
  return count;
}
