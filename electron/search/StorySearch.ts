import type { Story, StorySummary } from '../../shared/story/storySchema';
import { storySearchText } from '../../shared/story/storySearchText';
import { foldVietnamese } from '../../shared/text/foldVietnamese';
import { toNfc } from '../../shared/text/normalizeText';
import { searchTokens, type Token } from '../../shared/text/searchTokens';
import { applyToneStyle } from '../../shared/text/toneMarks';
import { PostingList } from './PostingList';
import { Vocabulary } from './Vocabulary';

export interface SearchFilters {
  status?: string[];
  category?: string;
  tags?: string[];
  author?: string;
  /** ISO instants, compared with the story's last change. */
  from?: string;
  to?: string;
  trashed?: boolean;
}

export type SearchSort = 'relevance' | 'updated' | 'headline';

export interface SearchHit {
  id: string;
  score: number;
}

export interface SearchOptions {
  /** How many of the best hits to return; all by default. */
  limit?: number;
  /** Only stories this accepts are hits (the list's filters), so the limit counts only what is shown. */
  accept?: (id: string) => boolean;
}

export interface SearchResult {
  hits: SearchHit[];
  /** Every hit, beyond the limit too. */
  total: number;
  /**
   * Set when the query has marked words and no story (of those `accept` lets through) spells them as typed: the
   * hits are then the stories that match with the marks folded away, and the list must say so.
   */
  fallback?: 'folded';
}

export type WordNumbers = Uint16Array | Uint32Array;

/**
 * One indexed story: its words in order (as folded word numbers), the first `headlineLength` of them its
 * headline. Null words while a saved index is still reading them.
 */
export interface IndexedStory {
  id: string;
  revision: number;
  headlineLength: number;
  words: WordNumbers | null;
  /** The distinct marked spellings it uses, as exact word numbers. */
  exactWords: WordNumbers | null;
}

/** What a saved index holds; see searchIndexFile. */
export interface SearchIndexParts {
  folded: Vocabulary;
  exact: Vocabulary;
  foldedPostings: PostingList[];
  exactPostings: PostingList[];
  stories: (IndexedStory | null)[];
}

const wordPattern = /[\p{L}\p{M}\p{N}]+/gu;
/** The words of a text as the index keeps them: NFC, lower-case, marks kept (the tone in the new placement). */
const indexedWords = (text: string) => toNfc(text).toLocaleLowerCase('vi').match(wordPattern) ?? [];
const exactForm = (word: string) => applyToneStyle(word, 'new');

// Weights. A headline hit outweighs any number of body hits; rare words outweigh common ones (idf); words
// standing together as typed (a phrase) outweigh the same words scattered.
const headlineWeight = 4;
const phraseWeight = 6;
const headlinePhraseWeight = 12;
/** The unfinished last word completes to at most this many words, the most used first. */
const maxCompletions = 48;
/** Words after these in a long query are not looked for. */
const maxQueryWords = 32;
/**
 * Only this many of the best hits are checked for the phrase: the bonus only raises, so the rest stay below.
 * The story list shows 200 rows; checking twice that took a third of a common query's time.
 */
const phraseCheckLimit = 200;
/** Story numbers fit in this many bits of a sort key (a million stories). */
const docBits = 2 ** 20;

/**
 * The library's full-text index: an inverted index of folded words ("dang"), beside one of marked spellings
 * ("đảng"), over every story's headline, sapo, body, captions, tags, bylines and the other fields.
 *
 * A query without marks ("dang vien") finds every spelling; with marks ("đảng viên") only the stories spelt so,
 * old and new tone placement counting as one spelling, unless none is (see search()). The last word, still being
 * typed, matches every word it begins. Each story's words are kept in order, so a phrase ranks above scattered words, and a story is
 * re-indexed on its own when it is saved, in about a millisecond, whatever the size of the library.
 *
 * Not FlexSearch, which this replaced: at 10,000 stories removing one story from it took 600 ms (its fast
 * update mode lost entries here), and its folded index could not tell "đảng viên" from "đang viện".
 */
export class StorySearch {
  private readonly folded: Vocabulary;
  private readonly exact: Vocabulary;
  private readonly foldedPostings: PostingList[];
  private readonly exactPostings: PostingList[];
  private readonly stories: (IndexedStory | null)[];
  private readonly numberOf = new Map<string, number>();
  private readonly freeNumbers: number[] = [];
  /** Raw word → [folded word number, marked word number or -1], so a word is folded and restyled only once. */
  private readonly wordCache = new Map<string, [number, number]>();
  private readonly changeListeners = new Set<() => void>();
  /** Changes that arrive while the story word sequences are still being read, applied once they are in. */
  private waiting: (() => void)[] | null = null;

  constructor(parts?: SearchIndexParts) {
    this.folded = parts?.folded ?? new Vocabulary();
    this.exact = parts?.exact ?? new Vocabulary();
    this.foldedPostings = parts?.foldedPostings ?? [];
    this.exactPostings = parts?.exactPostings ?? [];
    this.stories = parts?.stories ?? [];
    this.stories.forEach((story, n) => (story ? this.numberOf.set(story.id, n) : this.freeNumbers.push(n)));
    if (this.stories.some((story) => story && !story.words)) this.waiting = [];
  }

  /** Forgets every story (a saved index found broken after it was opened), so each is indexed again. */
  clear(): void {
    this.foldedPostings.length = 0;
    this.exactPostings.length = 0;
    this.stories.length = 0;
    this.numberOf.clear();
    this.freeNumbers.length = 0;
    this.changed();
  }

  /** Called once a saved index's word sequences are in: the changes held back meanwhile are applied. */
  wordsLoaded(): void {
    const waiting = this.waiting ?? [];
    this.waiting = null;
    for (const change of waiting) change();
  }

  get size(): number {
    return this.numberOf.size;
  }

  /** The parts, for writing the index to disk. */
  parts(): SearchIndexParts {
    return { folded: this.folded, exact: this.exact, foldedPostings: this.foldedPostings, exactPostings: this.exactPostings, stories: this.stories };
  }

  /** Each indexed story's revision, for finding entries a crash left behind. */
  revisions(): Map<string, number> {
    return new Map([...this.numberOf].map(([id, n]) => [id, this.stories[n]!.revision]));
  }

  revisionOf(id: string): number | undefined {
    const n = this.numberOf.get(id);
    return n === undefined ? undefined : this.stories[n]!.revision;
  }

  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /**
   * Indexes a story, replacing what was indexed for it before. An older revision than the one indexed is
   * ignored, so a background repair that read a file just before a save cannot undo that save.
   */
  put(story: Story): void {
    if (this.waiting) {
      this.waiting.push(() => this.put(story));
      return;
    }
    const known = this.numberOf.get(story.id);
    if (known !== undefined && this.stories[known]!.revision > story.revision) return;
    if (known !== undefined) this.unindex(known);
    const n = known ?? this.freeNumbers.pop() ?? this.stories.length;

    const headline = indexedWords(`${story.headline} ${story.kicker}`);
    const text = indexedWords(storySearchText(story));
    const words = new Uint32Array(headline.length + text.length);
    const foldedNotes = new Map<number, number>();
    const exactWords = new Set<number>();
    let at = 0;
    for (const [list, inHeadline] of [[headline, true], [text, false]] as const) {
      for (const raw of list) {
        const [folded, exact] = this.numbersOf(raw);
        words[at++] = folded;
        foldedNotes.set(folded, bump(foldedNotes.get(folded), inHeadline));
        if (exact >= 0) exactWords.add(exact);
      }
    }
    for (const [word, note] of foldedNotes) (this.foldedPostings[word] ??= new PostingList()).add(n, note);
    for (const word of exactWords) (this.exactPostings[word] ??= PostingList.withoutNotes()).add(n);
    this.stories[n] = { id: story.id, revision: story.revision, headlineLength: headline.length, words, exactWords: Uint32Array.from(exactWords) };
    this.numberOf.set(story.id, n);
    this.changed();
  }

  remove(id: string): void {
    if (this.waiting) {
      this.waiting.push(() => this.remove(id));
      return;
    }
    const n = this.numberOf.get(id);
    if (n === undefined) return;
    this.unindex(n);
    this.stories[n] = null;
    this.numberOf.delete(id);
    this.freeNumbers.push(n);
    this.changed();
  }

  /**
   * The stories that hold every word of the query, best first: by headline hits, phrase, rarity and frequency
   * of the words.
   *
   * Which stories hold a word:
   *  - a word typed without marks ("dang") matches every spelling that folds to it: "đảng", "đang", "Đặng", "dang";
   *  - a word typed with any mark (a tone, or ă â ê ô ơ ư đ: "đảng", "viên", "đăng") matches only that spelling,
   *    NFC and in any case, the old and new tone placement counting as one ("hoà" = "hòa");
   *  - the last word, unless a space follows it, is unfinished: it matches the words it begins, by the same rule
   *    ("đảng vi" → "viên", "việc"; "đảng viê" → "viên", "viết", never "viện");
   *  - only when no story holds the marked words so spelt does the search fall back to the folded match of every
   *    word, and then says so (`fallback: 'folded'`), ranking the stories that spell more of them as typed first.
   * So "đảng viên" never lists a story that only has "đăng … viên" or "đang viện" beside the ones that say it.
   */
  search(query: string, { limit = Infinity, accept }: SearchOptions = {}): SearchResult {
    const none = { hits: [], total: 0 };
    const parsed = this.parse(query);
    if (!parsed) return none;
    const { forms, exactForms } = parsed;
    const count = this.stories.length;
    const matched = new Uint8Array(count);
    const score = new Float64Array(count);
    const total = this.stories.length - this.freeNumbers.length;

    // Rarest word first: its stories are the candidates, and every later word only narrows them.
    const wordOrder = forms.map((_, k) => k).sort((a, b) => this.reach(forms[a]!) - this.reach(forms[b]!));
    let candidates: number[] = [];
    for (const [step, k] of wordOrder.entries()) {
      const idf = Math.log(1 + total / Math.max(1, this.reach(forms[k]!)));
      for (const word of forms[k]!) {
        const postings = this.foldedPostings[word];
        if (!postings) continue;
        for (let i = 0; i < postings.size; i++) {
          const doc = postings.docAt(i);
          // matched[doc] counts the words found so far; one form of a word is enough, so later forms skip it.
          if (matched[doc] !== step) continue;
          matched[doc] = step + 1;
          if (step === 0) candidates.push(doc);
          const note = postings.noteAt(i);
          score[doc]! += idf * ((note & PostingList.headlineBit ? headlineWeight : 0) + 1 + Math.log2(1 + (note & PostingList.maxCount)) / 2);
        }
      }
      if (step === 0 && accept) candidates = candidates.filter((doc) => accept(this.stories[doc]!.id));
      if (step > 0) candidates = candidates.filter((doc) => matched[doc] === step + 1);
      if (!candidates.length) return none;
    }

    // How many marked words each story spells as typed. All of them: the story is a hit; if no story spells them
    // all, every folded match is, those spelling more of them first.
    const marked = exactForms.filter((words) => words !== null).length;
    const exactCount = new Uint8Array(count);
    let fallback: 'folded' | undefined;
    if (marked) {
      const lastExact = new Uint8Array(count);
      for (const [k, words] of exactForms.entries()) {
        for (const word of words ?? []) {
          const postings = this.exactPostings[word];
          if (!postings) continue;
          for (let i = 0; i < postings.size; i++) {
            const doc = postings.docAt(i);
            if (matched[doc] !== forms.length || lastExact[doc] === k + 1) continue;
            lastExact[doc] = k + 1;
            exactCount[doc]! += 1;
          }
        }
      }
      const exact = candidates.filter((doc) => exactCount[doc] === marked);
      if (exact.length) candidates = exact;
      else fallback = 'folded';
    }

    const rank = (doc: number) => exactCount[doc]! * 1e4 + score[doc]!;
    let order = byRank(candidates, rank);
    if (forms.length > 1) {
      const best = order.slice(0, phraseCheckLimit);
      this.addPhraseBonus(best, forms, score);
      order = [...byRank(best, rank), ...order.slice(phraseCheckLimit)];
    }
    const hits = order.slice(0, limit).map((doc) => ({ id: this.stories[doc]!.id, score: Math.round(rank(doc) * 100) / 100 }));
    return fallback ? { hits, total: order.length, fallback } : { hits, total: order.length };
  }

  /**
   * Where the query's words stand in a headline, as [start, end) character offsets, by the rule search() matches
   * by: a marked word only where it is spelt so, unless the search fell back to the folded match (`fallback`).
   */
  static highlights(text: string, query: string, fallback?: 'folded'): [number, number][] {
    const words = searchTokens(query).slice(0, maxQueryWords);
    if (!words.length) return [];
    const typing = !/\s$/.test(query);
    const tests = words.map((word, k) => wordTest(word, typing && k === words.length - 1, fallback !== 'folded'));
    return searchTokens(text)
      .filter((token) => tests.some((test) => test(token)))
      .map((token) => [token.start, token.end]);
  }

  /** A test for the list's filters, to pass to search() as `accept` or to run over the summaries. */
  static filterTest(filters: SearchFilters): (summary: StorySummary) => boolean {
    const author = filters.author ? foldVietnamese(filters.author) : '';
    return (row) =>
      (row.trashedAt !== null) === (filters.trashed ?? false) &&
      (!filters.status?.length || filters.status.includes(row.status)) &&
      (!filters.category || row.category === filters.category) &&
      (!filters.tags?.length || filters.tags.every((tag) => row.tags.includes(tag))) &&
      (!author || row.bylines.some((b) => foldVietnamese(b).includes(author))) &&
      (!filters.from || row.updatedAt >= filters.from) &&
      (!filters.to || row.updatedAt <= filters.to);
  }

  /** Orders summaries the way the list shows them when not by relevance. */
  static sortSummaries<T extends StorySummary>(rows: T[], sort: 'updated' | 'headline'): T[] {
    return sort === 'headline' ? rows.sort((a, b) => a.headline.localeCompare(b.headline, 'vi')) : rows.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  /**
   * The query as word numbers: for each word the folded forms it matches (several for the word being typed),
   * and for each marked word its exact spellings. Null when some word is in no story at all.
   */
  private parse(query: string): { forms: number[][]; exactForms: (number[] | null)[] } | null {
    const words = searchTokens(query).slice(0, maxQueryWords);
    if (!words.length) return null;
    const typing = !/\s$/.test(query);
    const forms: number[][] = [];
    const exactForms: (number[] | null)[] = [];
    for (const [k, word] of words.entries()) {
      const last = typing && k === words.length - 1;
      const folded = last ? this.completions(word.folded) : [this.folded.idOf(word.folded)].filter((id) => id !== undefined);
      if (!folded.length) return null;
      forms.push(folded);
      if (word.exact === word.folded) exactForms.push(null);
      else if (last) exactForms.push([...new Set(typedPrefixes(word.exact).flatMap((prefix) => this.exact.withPrefix(prefix)))]);
      else exactForms.push([this.exact.idOf(exactForm(word.exact))].filter((id) => id !== undefined));
    }
    return { forms, exactForms };
  }

  /** Words that begin with what has been typed: the word itself first, then the most used. */
  private completions(prefix: string): number[] {
    const exact = this.folded.idOf(prefix);
    const others = this.folded
      .withPrefix(prefix)
      .filter((id) => id !== exact)
      .sort((a, b) => (this.foldedPostings[b]?.size ?? 0) - (this.foldedPostings[a]?.size ?? 0));
    return (exact === undefined ? others : [exact, ...others]).slice(0, maxCompletions).filter((id) => this.foldedPostings[id]?.size);
  }

  private reach(words: number[]): number {
    let sum = 0;
    for (const word of words) sum += this.foldedPostings[word]?.size ?? 0;
    return sum;
  }

  /** Adds the phrase bonus to stories where the query's words stand next to each other in its order. */
  private addPhraseBonus(docs: number[], forms: number[][], score: Float64Array): void {
    const span = Math.min(forms.length, 8);
    const bits = new Uint8Array(this.folded.size);
    forms.slice(0, span).forEach((words, k) => words.forEach((word) => (bits[word]! |= 1 << k)));
    for (const doc of docs) {
      const { words, headlineLength } = this.stories[doc]!;
      if (!words) continue;
      let best = 0;
      for (let p = 0; p + span <= words.length && best < headlinePhraseWeight; p++) {
        let k = 0;
        while (k < span && bits[words[p + k]!]! & (1 << k)) k++;
        if (k === span) best = Math.max(best, p + span <= headlineLength ? headlinePhraseWeight : phraseWeight);
      }
      score[doc]! += best;
    }
  }

  private numbersOf(raw: string): [number, number] {
    let numbers = this.wordCache.get(raw);
    if (!numbers) {
      const exact = exactForm(raw);
      const folded = foldVietnamese(raw);
      numbers = [this.folded.intern(folded), exact === folded ? -1 : this.exact.intern(exact)];
      this.wordCache.set(raw, numbers);
    }
    return numbers;
  }

  private unindex(n: number): void {
    const { words, exactWords } = this.stories[n]!;
    for (const word of new Set(words)) this.foldedPostings[word]?.remove(n);
    for (const word of exactWords ?? []) this.exactPostings[word]?.remove(n);
  }

  private changed(): void {
    for (const listener of this.changeListeners) listener();
  }
}

/**
 * What the spellings an unfinished marked word may complete to begin with, the index holding them in the new tone
 * placement: the word as typed ("hoà" begins "hoàn") and in the new placement ("hoà" is "hòa"). Not the old
 * placement of a new-style "hòa": that begins no "hoàn".
 */
function typedPrefixes(word: string): string[] {
  return [...new Set([word, exactForm(word)])];
}

/**
 * Whether a word of a text is the query word `word` (or, `prefix`, begins with it), as search() matches: folded,
 * or for a marked word spelt as typed when `exact`, either tone placement counting.
 */
function wordTest(word: Token, prefix: boolean, exact: boolean): (token: Token) => boolean {
  const folded = prefix ? (token: Token) => token.folded.startsWith(word.folded) : (token: Token) => token.folded === word.folded;
  if (!exact || word.exact === word.folded) return folded;
  const typed = prefix ? typedPrefixes(word.exact) : [exactForm(word.exact)];
  return (token) => {
    if (!folded(token)) return false;
    const spelling = exactForm(token.exact);
    return prefix ? typed.some((start) => spelling.startsWith(start)) : typed[0] === spelling;
  };
}

/**
 * Story numbers, best rank first, ties by number. One native sort of packed numbers (rank, then number) instead
 * of a comparator: with most of 10,000 stories matching a common word, the comparator was the search's cost.
 */
function byRank(docs: number[], rank: (doc: number) => number): number[] {
  const keys = new Float64Array(docs.length);
  for (const [i, doc] of docs.entries()) keys[i] = Math.round(rank(doc) * 1000) * docBits + (docBits - 1 - doc);
  keys.sort();
  const ordered = new Array<number>(docs.length);
  for (let i = 0; i < keys.length; i++) ordered[i] = docBits - 1 - (keys[keys.length - 1 - i]! % docBits);
  return ordered;
}

function bump(note: number | undefined, inHeadline: boolean): number {
  const count = ((note ?? 0) & PostingList.maxCount) + 1;
  return PostingList.note(count, inHeadline || ((note ?? 0) & PostingList.headlineBit) !== 0);
}
