import { applyToneStyle, toneVariants, type ToneStyle } from './toneMarks';

/**
 * The pure half of the spellchecker: which words of a text are Vietnamese syllables worth checking, whether a
 * syllable is spelled right in either tone-mark style, and suggestions in the newsroom's style. The dictionary
 * itself (nspell with dictionary-vi) lives in a worker; these functions take it as a lookup.
 */

export interface SpellToken {
  /** The syllable as checked: NFC, letter case as written. */
  word: string;
  /** UTF-16 offsets into the text given, so a caller can map them back to document positions. */
  from: number;
  to: number;
}

// Words, joined by the characters that glue a code, an address or a compound together ("COVID-19",
// "baoquangninh.vn", "08:34", "K'Nam"), so the whole run is judged at once rather than piece by piece.
const tokenPattern = /[\p{L}\p{M}\p{N}]+(?:[-‐'’.@/:_][\p{L}\p{M}\p{N}]+)*/gu;
const joinedByOtherThanHyphen = /[‐'’.@/:_]/u;

// After NFD: the letters Vietnamese writes (f, j, w, z only come in foreign words) and the marks it puts on them
// (the five tones, circumflex, breve, horn). "Noël", "São", "Müller" carry other marks and are left alone.
const vietnameseLetter = /^[a-eg-ik-vxyđ]$/i;
const vietnameseMarks = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323', '\u0302', '\u0306', '\u031b']);
// A mark only Vietnamese writes in a lower-case word (tones aside): â ă ê ô ơ ư đ or any tone.
const hasVietnameseMark = /[\u0300-\u036f\u031bđĐ]/u;

// The shape of a Vietnamese syllable, on its bare letters: an onset, one to three vowels, an optional final
// consonant. "Google", "London", "Messi" do not fit; "Hà", "Nguyễn", "nghành" do.
const syllableShape = /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?$/;

const bare = (word: string) => word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** True when every letter and mark of the word belongs to the Vietnamese alphabet. */
function isVietnameseAlphabet(word: string): boolean {
  for (const char of word.normalize('NFD')) {
    if (/\p{M}/u.test(char)) {
      if (!vietnameseMarks.has(char)) return false;
    } else if (!vietnameseLetter.test(char)) return false;
  }
  return true;
}

type Casing = 'lower' | 'capitalised' | 'upper' | 'mixed';

function casingOf(word: string): Casing {
  const letters = [...word].filter((char) => /\p{L}/u.test(char));
  const upper = letters.map((char) => char !== char.toLowerCase());
  if (!upper.some(Boolean)) return 'lower';
  if (upper.every(Boolean)) return letters.length === 1 ? 'capitalised' : 'upper';
  if (upper[0] && !upper.slice(1).some(Boolean)) return 'capitalised';
  return 'mixed';
}

/**
 * Whether one syllable (no joiners) should be checked at all. Skipped, because a dictionary of Vietnamese
 * syllables cannot judge them: anything with a digit; a letter or mark Vietnamese does not use ("Facebook",
 * "Müller"); ALL CAPS ("COVID", "UBND", acronyms) and mixed case ("iPhone"); a single Latin letter ("khu A");
 * and a word that is not shaped like a Vietnamese syllable when it is capitalised (a foreign name: "Google",
 * "Paris") or written without any Vietnamese mark (a loanword: "online", "video"). A lower-case word with a
 * Vietnamese mark is always checked, so "thươg" is still caught.
 */
export function shouldCheckSyllable(word: string): boolean {
  if (/\p{N}/u.test(word)) return false;
  if (!isVietnameseAlphabet(word)) return false;
  const casing = casingOf(word);
  if (casing === 'upper' || casing === 'mixed') return false;
  if (/^[a-z]$/i.test(word)) return false;
  if (syllableShape.test(bare(word))) return true;
  return casing === 'lower' && hasVietnameseMark.test(word.normalize('NFD'));
}

// A story repeats its syllables (10,000 words hold a few thousand distinct ones), so each is judged once. The
// answer depends on the word alone; the cap only bounds memory.
const judged = new Map<string, boolean>();
const judgedCap = 50_000;

function shouldCheckCached(word: string): boolean {
  let answer = judged.get(word);
  if (answer === undefined) {
    if (judged.size >= judgedCap) judged.clear();
    answer = shouldCheckSyllable(word);
    judged.set(word, answer);
  }
  return answer;
}

/**
 * The syllables of a text to check, with their offsets. A hyphenated run is checked part by part only if every
 * part would be ("Hoà-bình"); a run with a digit or a foreign part ("COVID-19") or glued by other characters (an
 * address, a time, "K'Nam") is skipped whole.
 */
export function spellTokens(text: string): SpellToken[] {
  const tokens: SpellToken[] = [];
  for (const match of text.matchAll(tokenPattern)) {
    const run = match[0];
    const start = match.index;
    if (!run.includes('-')) {
      // The common case, one plain word; joiners other than the hyphen mean the run is skipped.
      const word = run.normalize('NFC');
      if (!joinedByOtherThanHyphen.test(run) && shouldCheckCached(word)) tokens.push({ word, from: start, to: start + run.length });
      continue;
    }
    if (joinedByOtherThanHyphen.test(run)) continue;
    const parts: SpellToken[] = [];
    let offset = 0;
    for (const part of run.split(/-/)) {
      parts.push({ word: part.normalize('NFC'), from: start + offset, to: start + offset + part.length });
      offset += part.length + 1;
    }
    if (parts.every((part) => shouldCheckCached(part.word))) tokens.push(...parts);
  }
  return tokens;
}

/**
 * Whether a syllable is spelled right: in either tone-mark style ("hòa" and "hoà" alike, whichever one the
 * dictionary spells), as written or lower-cased ("Tỉnh" is checked as "tỉnh").
 */
export function isSpelledCorrectly(word: string, known: (candidate: string) => boolean): boolean {
  const nfc = word.normalize('NFC');
  const lower = nfc.toLowerCase();
  const forms = lower === nfc ? [nfc] : [nfc, lower];
  return forms.some((form) => toneVariants(form).some(known));
}

/** The form a word is looked up in the newsroom's own dictionary: NFC, lower case, new tone-mark style. */
export function newsroomKey(word: string): string {
  return applyToneStyle(word.normalize('NFC').toLowerCase(), 'new');
}

/**
 * Suggestions as the reporter should see them: in the newsroom's tone-mark style, in the word's casing
 * ("Nghành" → "Ngành"), without repeats and without the misspelling itself.
 */
export function styleSuggestions(suggestions: readonly string[], style: ToneStyle, original: string): string[] {
  const casing = casingOf(original);
  const recase = (word: string) => (casing === 'capitalised' ? word.charAt(0).toUpperCase() + word.slice(1) : casing === 'upper' ? word.toUpperCase() : word);
  const seen = new Set<string>([newsroomKey(original)]);
  const out: string[] = [];
  for (const suggestion of suggestions) {
    const styled = recase(applyToneStyle(suggestion.normalize('NFC'), style));
    const key = newsroomKey(styled);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(styled);
  }
  return out;
}
