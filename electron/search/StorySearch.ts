import type { Story, StorySummary } from '../../shared/story/storySchema';
import { storySearchText } from '../../shared/story/storySearchText';
import { foldVietnamese } from '../../shared/text/foldVietnamese';
import { toNfc } from '../../shared/text/normalizeText';
import { searchTokens } from '../../shared/text/searchTokens';
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

/** One indexed story: its words in order (as folded word numbers), the first `headlineLength` of them its headline. */
export interface IndexedStory {
  id: string;
  revision: number;
  headlineLength: number;
  words: Uint32Array;
  /** The distinct marked spellings it uses, as exact word numbers. */
  exactWords: Uint32Array;
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
/** Candidates beyond this many get no phrase check, only those ranked highest without it. */
const phraseCheckLimit = 3000;

/**
 * The library's full-text index: an inverted index of folded words ("dang"), beside one of marked spellings
 * ("đảng"), over every story's headline, sapo, body, captions, tags, bylines and the other fields.
 *
 * A query without marks ("dang vien") finds every spelling; with marks ("hòa") the stories spelt exactly so come
 * first, old and new tone placement counting as one spelling. The last word, still being typed, matches every
 * word it begins. Each story's words are kept in order, so a phrase ranks above scattered words, and a story is
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

  constructor(parts?: SearchIndexParts) {
    this.folded = parts?.folded ?? new Vocabulary();
    this.exact = parts?.exact ?? new Vocabulary();
    this.foldedPostings = parts?.foldedPostings ?? [];
    this.exactPostings = parts?.exactPostings ?? [];
    this.stories = parts?.stories ?? [];
    this.stories.forEach((story, n) => (story ? this.numberOf.set(story.id, n) : this.freeNumbers.push(n)));
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
    const known = this.numberOf.get(story.id);
    if (known !== undefined && this.stories[known]!.revision > story.revision) return;
    if (known !== undefined) this.unindex(known);
    const n = known ?? this.freeNumbers.pop() ?? this.stories.length;

    const headline = indexedWords(`${story.headline} ${story.kicker}`);
    const text = indexedWords(storySearchText(story));
    const words = new Uint32Array(headline.length + text.length);
    const foldedNotes = new Map<number, number>();
    const exactNotes = new Map<number, number>();
    let at = 0;
    for (const [list, inHeadline] of [[headline, true], [text, false]] as const) {
      for (const raw of list) {
        const [folded, exact] = this.numbersOf(raw);
        words[at++] = folded;
        foldedNotes.set(folded, bump(foldedNotes.get(folded), inHeadline));
        if (exact >= 0) exactNotes.set(exact, bump(exactNotes.get(exact), inHeadline));
      }
    }
    for (const [word, note] of foldedNotes) (this.foldedPostings[word] ??= new PostingList()).add(n, note);
    for (const [word, note] of exactNotes) (this.exactPostings[word] ??= new PostingList()).add(n, note);
    this.stories[n] = { id: story.id, revision: story.revision, headlineLength: headline.length, words, exactWords: Uint32Array.from(exactNotes.keys()) };
    this.numberOf.set(story.id, n);
    this.changed();
  }

  remove(id: string): void {
    const n = this.numberOf.get(id);
    if (n === undefined) return;
    this.unindex(n);
    this.stories[n] = null;
    this.numberOf.delete(id);
    this.freeNumbers.push(n);
    this.changed();
  }

  /**
   * The stories that hold every word of the query, best first: those with every marked word spelt as typed,
   * then by headline hits, phrase, rarity and frequency of the words.
   */
  search(query: string): SearchHit[] {
    const parsed = this.parse(query);
    if (!parsed) return [];
    const { forms, exactForms } = parsed;
    const count = this.stories.length;
    const matched = new Uint8Array(count);
    const score = new Float64Array(count);
    const total = this.stories.length - this.freeNumbers.length;

    // Rarest word first: its stories are the candidates, and every later word only narrows them.
    const order = forms.map((_, k) => k).sort((a, b) => this.reach(forms[a]!) - this.reach(forms[b]!));
    let candidates: number[] = [];
    for (const [step, k] of order.entries()) {
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
      if (step > 0) candidates = candidates.filter((doc) => matched[doc] === step + 1);
      if (!candidates.length) return [];
    }

    // How many marked words each story spells exactly as typed: the first key of the order.
    const exactCount = new Uint8Array(count);
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

    const rank = (doc: number) => exactCount[doc]! * 1e4 + score[doc]!;
    if (forms.length > 1) {
      const checked = candidates.length <= phraseCheckLimit ? candidates : [...candidates].sort((a, b) => rank(b) - rank(a)).slice(0, phraseCheckLimit);
      this.addPhraseBonus(checked, forms, score);
    }
    return candidates
      .sort((a, b) => rank(b) - rank(a) || a - b)
      .map((doc) => ({ id: this.stories[doc]!.id, score: Math.round(rank(doc) * 100) / 100 }));
  }

  /** Where the query's words stand in a headline, as [start, end) character offsets. */
  static highlights(text: string, query: string): [number, number][] {
    const words = searchTokens(query);
    if (!words.length) return [];
    const typing = !/\s$/.test(query);
    const finished = new Set((typing ? words.slice(0, -1) : words).map((w) => w.folded));
    const prefix = typing ? words.at(-1)!.folded : null;
    return searchTokens(text)
      .filter((token) => finished.has(token.folded) || (prefix !== null && token.folded.startsWith(prefix)))
      .map((token) => [token.start, token.end]);
  }

  /** Filters and orders hits (or, with no query, every summary) the way the story list shows them. */
  static arrange(summaries: StorySummary[], hits: SearchHit[] | null, filters: SearchFilters, sort: SearchSort): (StorySummary & { score?: number })[] {
    const byId = hits ? new Map(summaries.map((s) => [s.id, s])) : null;
    const rows = hits && byId ? hits.flatMap((hit) => (byId.has(hit.id) ? [{ ...byId.get(hit.id)!, score: hit.score }] : [])) : summaries.map((s) => ({ ...s }));
    const author = filters.author ? foldVietnamese(filters.author) : '';
    const kept = rows.filter(
      (row) =>
        (row.trashedAt !== null) === (filters.trashed ?? false) &&
        (!filters.status?.length || filters.status.includes(row.status)) &&
        (!filters.category || row.category === filters.category) &&
        (!filters.tags?.length || filters.tags.every((tag) => row.tags.includes(tag))) &&
        (!author || row.bylines.some((b) => foldVietnamese(b).includes(author))) &&
        (!filters.from || row.updatedAt >= filters.from) &&
        (!filters.to || row.updatedAt <= filters.to),
    );
    if (sort === 'headline') kept.sort((a, b) => a.headline.localeCompare(b.headline, 'vi'));
    else if (sort === 'updated' || !hits) kept.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    return kept;
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
      else if (last) exactForms.push(this.exact.withPrefix(exactForm(word.exact)));
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
    for (const word of exactWords) this.exactPostings[word]?.remove(n);
  }

  private changed(): void {
    for (const listener of this.changeListeners) listener();
  }
}

function bump(note: number | undefined, inHeadline: boolean): number {
  const count = ((note ?? 0) & PostingList.maxCount) + 1;
  return PostingList.note(count, inHeadline || ((note ?? 0) & PostingList.headlineBit) !== 0);
}
