import type { MethodInput, MethodOutput } from '../../shared/api/contract';
import type { StoryStore } from '../store/StoryStore';
import { StorySearch } from './StorySearch';

export type FindInput = MethodInput<'stories.search'>;
export type FindResult = MethodOutput<'stories.search'>;

export interface StoryFinderOptions {
  stories: Pick<StoryStore, 'summaries' | 'summary'>;
  index: StorySearch;
  /** Settles once the index agrees with every story (see createServices); a query waits for it. */
  ready: Promise<void>;
}

/**
 * The story list's search: the index's hits merged with the list's filters, its order and the highlights of
 * the rows shown. An empty query lists every story that passes the filters, by last change or headline.
 */
export class StoryFinder {
  constructor(private readonly options: StoryFinderOptions) {}

  async find({ query, filters = {}, sort, limit = 100 }: FindInput): Promise<FindResult> {
    const { stories, index } = this.options;
    const passes = StorySearch.filterTest(filters);
    const order = sort ?? (query.trim() ? 'relevance' : 'updated');
    if (!query.trim()) {
      const rows = StorySearch.sortSummaries(stories.summaries().filter(passes), order === 'headline' ? 'headline' : 'updated');
      return { total: rows.length, items: rows.slice(0, limit).map((summary) => ({ ...summary, score: 0, highlights: [] })) };
    }
    await this.options.ready;
    const accept = (id: string) => {
      const summary = stories.summary(id);
      return summary !== undefined && passes(summary);
    };
    // By relevance only the best `limit` are needed; another order needs every hit before it can cut.
    const { hits, total, fallback } = index.search(query, { accept, limit: order === 'relevance' ? limit : Infinity });
    const rows = hits.map((hit) => ({ ...stories.summary(hit.id)!, score: hit.score }));
    if (order !== 'relevance') StorySearch.sortSummaries(rows, order);
    return {
      total,
      // Highlights only for the rows returned: tokenising every hit's headline cost more than the search.
      items: rows.slice(0, limit).map((row) => ({ ...row, highlights: StorySearch.highlights(row.headline, query, fallback) })),
      ...(fallback ? { fallback } : {}),
    };
  }
}
