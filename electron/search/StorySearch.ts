import { Index } from 'flexsearch';
import type { Story, StorySummary } from '../../shared/story/storySchema';
import { storySearchText } from '../../shared/story/storySearchText';
import { searchTokens, type Token } from '../../shared/text/searchTokens';
import { applyToneStyle } from '../../shared/text/toneMarks';

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
  /** Where the query's words stand in the headline, as [start, end) character offsets. */
  headlineRanges: [number, number][];
}

/**
 * Folded and exact spellings are indexed side by side: a query without marks ("dang vien") finds every spelling,
 * and a query with marks ("hòa") puts the stories spelt exactly so first. Old and new tone-mark placement count
 * as the same spelling. FlexSearch's contextual index ranks words standing together (a phrase) above words
 * scattered through the story.
 */
const exactForm = (token: Token) => applyToneStyle(token.exact, 'new');
const encodeWords = (text: string) => text.split(' ').filter(Boolean);

const fieldWeights = { headlineExact: 16, headlineFolded: 8, textExact: 4, textFolded: 2 } as const;
type Field = keyof typeof fieldWeights;
const phraseBonus = 1.5;
const maxCompletions = 12;
const candidates = 1000;

function newIndex(): Index {
  return new Index({ encode: encodeWords, tokenize: 'strict', resolution: 9, context: { depth: 1, bidirectional: true, resolution: 3 } });
}

export class StorySearch {
  private readonly indexes: Record<Field, Index> = {
    headlineExact: newIndex(),
    headlineFolded: newIndex(),
    textExact: newIndex(),
    textFolded: newIndex(),
  };
  /** How many stories use each folded word, for completing the word being typed. */
  private readonly vocabulary = new Map<string, number>();
  private readonly wordsOf = new Map<string, Set<string>>();
  private readonly headlines = new Map<string, string>();
  private readonly revisions = new Map<string, number>();

  get size(): number {
    return this.headlines.size;
  }

  /**
   * Indexes a story, replacing what was indexed for it before. An older revision than the one indexed is
   * ignored, so a background build that read a file just before a save cannot undo that save.
   */
  put(story: Story): void {
    if ((this.revisions.get(story.id) ?? 0) > story.revision) return;
    this.remove(story.id);
    this.revisions.set(story.id, story.revision);
    const headline = searchTokens(`${story.headline} ${story.kicker}`);
    const text = searchTokens(storySearchText(story));
    this.indexes.headlineExact.add(story.id, headline.map(exactForm).join(' '));
    this.indexes.headlineFolded.add(story.id, headline.map((t) => t.folded).join(' '));
    this.indexes.textExact.add(story.id, text.map(exactForm).join(' '));
    this.indexes.textFolded.add(story.id, text.map((t) => t.folded).join(' '));
    const words = new Set([...headline, ...text].map((t) => t.folded));
    for (const word of words) this.vocabulary.set(word, (this.vocabulary.get(word) ?? 0) + 1);
    this.wordsOf.set(story.id, words);
    this.headlines.set(story.id, story.headline);
  }

  remove(id: string): void {
    if (!this.headlines.has(id)) return;
    for (const index of Object.values(this.indexes)) index.remove(id);
    for (const word of this.wordsOf.get(id) ?? []) {
      const count = (this.vocabulary.get(word) ?? 1) - 1;
      if (count > 0) this.vocabulary.set(word, count);
      else this.vocabulary.delete(word);
    }
    this.wordsOf.delete(id);
    this.headlines.delete(id);
    this.revisions.delete(id);
  }

  /**
   * The stories that hold every word of the query, best first. The last word, still being typed, matches any
   * word it begins (the most used ones), so results narrow as the reporter types.
   */
  search(query: string): SearchHit[] {
    const words = searchTokens(query);
    if (!words.length) return [];
    const typing = !/\s$/.test(query);
    const last = words[words.length - 1]!;
    const lastForms = typing ? this.completions(last.folded) : [last.folded];
    if (!lastForms.length) return [];
    const withMarks = words.some((w) => w.exact !== w.folded);
    const scores = new Map<string, number>();
    const add = (field: Field, terms: string, phrase: boolean) => {
      const found = this.indexes[field].search(terms, { limit: candidates, context: phrase }) as string[];
      found.forEach((id, rank) => scores.set(id, (scores.get(id) ?? 0) + fieldWeights[field] * (phrase ? phraseBonus : 1) * (1 - rank / (found.length + 1) / 2)));
    };
    const leading = words.slice(0, -1);
    if (typing && leading.length) {
      // Stories with every finished word are the candidates; the unfinished one is checked against their words.
      const folded = leading.map((w) => w.folded).join(' ');
      add('headlineFolded', folded, false);
      add('textFolded', folded, false);
    }
    for (const form of lastForms) {
      const folded = [...leading.map((w) => w.folded), form].join(' ');
      for (const phrase of words.length > 1 ? [true, false] : [false]) {
        add('headlineFolded', folded, phrase);
        add('textFolded', folded, phrase);
      }
    }
    if (withMarks) {
      // Only finished words can be matched on their exact spelling.
      const exact = words.map(exactForm);
      const exactTerms = (typing ? exact.slice(0, -1) : exact).join(' ');
      if (exactTerms) {
        add('headlineExact', exactTerms, false);
        add('textExact', exactTerms, false);
      }
    }
    const queryForms = new Set([...leading.map((w) => w.folded), ...lastForms]);
    const holdsLastWord = (id: string) => {
      const storyWords = this.wordsOf.get(id);
      if (!storyWords) return false;
      if (!typing) return storyWords.has(last.folded);
      for (const word of storyWords) if (word.startsWith(last.folded)) return true;
      return false;
    };
    return [...scores.entries()]
      .filter(([id]) => holdsLastWord(id))
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([id, score]) => ({ id, score: Math.round(score * 100) / 100, headlineRanges: this.ranges(this.headlines.get(id) ?? '', queryForms) }));
  }

  /** Filters and orders hits (or, with no query, every summary) the way the story list shows them. */
  static arrange(summaries: StorySummary[], hits: SearchHit[] | null, filters: SearchFilters, sort: SearchSort): (StorySummary & Partial<SearchHit>)[] {
    const byId = new Map(summaries.map((s) => [s.id, s]));
    const rows = hits ? hits.flatMap((hit) => (byId.has(hit.id) ? [{ ...byId.get(hit.id)!, ...hit }] : [])) : summaries.map((s) => ({ ...s }));
    const author = filters.author ? searchTokens(filters.author).map((t) => t.folded).join(' ') : '';
    const kept = rows.filter(
      (row) =>
        (row.trashedAt !== null) === (filters.trashed ?? false) &&
        (!filters.status?.length || filters.status.includes(row.status)) &&
        (!filters.category || row.category === filters.category) &&
        (!filters.tags?.length || filters.tags.every((tag) => row.tags.includes(tag))) &&
        (!author || row.bylines.some((b) => searchTokens(b).map((t) => t.folded).join(' ').includes(author))) &&
        (!filters.from || row.updatedAt >= filters.from) &&
        (!filters.to || row.updatedAt <= filters.to),
    );
    if (sort === 'headline') kept.sort((a, b) => a.headline.localeCompare(b.headline, 'vi'));
    else if (sort === 'updated' || !hits) kept.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    return kept;
  }

  private completions(prefix: string): string[] {
    const matches: [string, number][] = [];
    for (const [word, count] of this.vocabulary) if (word.startsWith(prefix)) matches.push([word, count]);
    return matches
      .sort((a, b) => (a[0] === prefix ? -1 : b[0] === prefix ? 1 : b[1] - a[1]))
      .slice(0, maxCompletions)
      .map(([word]) => word);
  }

  private ranges(headline: string, forms: Set<string>): [number, number][] {
    return searchTokens(headline)
      .filter((token) => forms.has(token.folded))
      .map((token) => [token.start, token.end]);
  }
}
