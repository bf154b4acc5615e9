/**
 * Where the tone mark sits in a syllable ending in oa, oe or uy. The old style (still the rule in many newsrooms and
 * in older text) puts it on the second vowel, "hoà", "khoẻ", "thuý"; the new style on the first, "hòa", "khỏe",
 * "thúy". A paper keeps to one, and a search or spellchecker must know both spell the same word.
 */
export type ToneStyle = 'new' | 'old';

// Grave, acute, tilde, hook above, dot below. Circumflex, breve and horn are not tones: they make â, ă, ê, ô, ơ, ư
// distinct vowels and never move.
const toneMarks = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);

// Every syllable-initial consonant of Vietnamese. qu and gi are here as units: in "quý" the u belongs to the
// consonant, so the vowel is y alone and there is nothing to move; and because "q" by itself is not an onset,
// "quy" can never be read as q + uy.
const onsets = new Set(['', 'b', 'c', 'ch', 'd', 'đ', 'g', 'gh', 'gi', 'h', 'k', 'kh', 'l', 'm', 'n', 'ng', 'ngh', 'nh', 'p', 'ph', 'qu', 'r', 's', 't', 'th', 'tr', 'v', 'x']);

// Only these open rhymes differ between the styles. Add a final consonant or a vowel ("hoàn", "thuyết",
// "ngoài", "khuỷu") and both styles put the mark in the same place.
const movableRhymes = new Set(['oa', 'oe', 'uy']);

interface Letter {
  base: string;
  tones: string[];
  /** Non-tone marks, kept in their order. */
  others: string[];
}

/** Splits an NFD syllable into letters with their marks; null if it begins with a stray mark. */
function lettersOf(syllable: string): Letter[] | null {
  const letters: Letter[] = [];
  for (const char of syllable) {
    if (/\p{L}/u.test(char)) {
      letters.push({ base: char, tones: [], others: [] });
      continue;
    }
    const letter = letters.at(-1);
    if (!letter) return null;
    (toneMarks.has(char) ? letter.tones : letter.others).push(char);
  }
  return letters;
}

function spell(letter: Letter): string {
  return letter.base + letter.others.join('') + letter.tones.join('');
}

/** Restyles one NFD syllable; anything that is not plainly an affected Vietnamese syllable comes back as it was. */
function restyleSyllable(syllable: string, style: ToneStyle): string {
  const letters = lettersOf(syllable);
  if (!letters || letters.length < 2) return syllable;
  const onset = letters.slice(0, -2);
  const first = letters.at(-2);
  const second = letters.at(-1);
  if (!first || !second) return syllable;
  if (!movableRhymes.has((first.base + second.base).toLowerCase())) return syllable;
  // A mark beyond the tone ("Noël") or on the consonants means this is not Vietnamese as we know it.
  if (first.others.length > 0 || second.others.length > 0) return syllable;
  if (onset.some((letter) => letter.tones.length > 0 || letter.others.length > 0)) return syllable;
  if (!onsets.has(onset.map((letter) => letter.base).join('').toLowerCase())) return syllable;
  const tones = [...first.tones, ...second.tones];
  // No tone means nothing to move; two would be a typing error we should not guess at.
  if (tones.length !== 1) return syllable;
  first.tones = [];
  second.tones = [];
  (style === 'new' ? first : second).tones = tones;
  return letters.map(spell).join('');
}

/**
 * Rewrites every oa/oe/uy syllable of `text` in one tone-mark style: "Tỉnh uỷ … hoà bình" ⇄ "Tỉnh ủy … hòa bình".
 * Accepts NFC or NFD and returns NFC; everything else, letter case included, is left as it was.
 */
export function applyToneStyle(text: string, style: ToneStyle): string {
  // A syllable is a run of letters with their marks, so "Hoà-bình", "(hoà)" and "hoà," are all found.
  return text
    .normalize('NFD')
    .replace(/[\p{L}\p{M}]+/gu, (syllable) => restyleSyllable(syllable, style))
    .normalize('NFC');
}

/**
 * The spellings of one syllable across both styles, new style first, without repeats: ["hòa", "hoà"], or just
 * ["hoàn"] where the styles agree. A spellchecker that knows one spelling can accept or suggest the other.
 */
export function toneVariants(syllable: string): string[] {
  return [...new Set([applyToneStyle(syllable, 'new'), applyToneStyle(syllable, 'old')])];
}
