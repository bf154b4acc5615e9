import { join } from 'node:path';
import { Low } from 'lowdb';
import { z } from 'zod';
import { storySummarySchema, type StorySummary } from '../../shared/story/storySchema';
import { AtomicJsonFile } from './AtomicJsonFile';
import { CoalescingWriter } from './CoalescingWriter';
import type { FileSystem } from './fileSystem';

/** Bumped whenever the summary's shape changes; an index of another version is rebuilt, not migrated. */
const indexVersion = 4;

export const indexFileSchema = z.object({
  schemaVersion: z.literal(indexVersion),
  stories: z.array(storySummarySchema),
});
export type IndexFile = z.infer<typeof indexFileSchema>;

export const indexFileName = 'index.json';

/**
 * The small file of story summaries that lets the library open without reading every story. It is derived
 * data: the story files are the truth, and a lost or damaged index is rebuilt from them.
 */
export class StoryIndex {
  private readonly db: Low<IndexFile>;
  private readonly byId = new Map<string, StorySummary>();
  private readonly writer: CoalescingWriter;

  constructor(dataDir: string, fs: FileSystem) {
    this.db = new Low(new AtomicJsonFile<IndexFile>(join(dataDir, indexFileName), fs), { schemaVersion: indexVersion, stories: [] });
    this.writer = new CoalescingWriter(() => {
      this.db.data = { schemaVersion: indexVersion, stories: [...this.byId.values()] };
      return this.db.write();
    });
  }

  get path(): string {
    return (this.db.adapter as AtomicJsonFile<IndexFile>).path;
  }

  /**
   * Reads the index file. Returns false when it is missing or from another version (so it is rebuilt);
   * throws when it is unreadable or malformed.
   */
  async load(): Promise<boolean> {
    const raw = await this.db.adapter.read();
    if (raw === null || (raw as { schemaVersion?: unknown }).schemaVersion !== indexVersion) return false;
    const parsed = indexFileSchema.parse(raw);
    this.replaceAll(parsed.stories);
    return true;
  }

  replaceAll(summaries: Iterable<StorySummary>): void {
    this.byId.clear();
    for (const summary of summaries) this.byId.set(summary.id, summary);
  }

  get(id: string): StorySummary | undefined {
    return this.byId.get(id);
  }

  ids(): string[] {
    return [...this.byId.keys()];
  }

  all(): StorySummary[] {
    return [...this.byId.values()];
  }

  set(summary: StorySummary): void {
    this.byId.set(summary.id, summary);
  }

  delete(id: string): void {
    this.byId.delete(id);
  }

  /** Persists the current summaries; concurrent calls share writes. */
  save(): Promise<void> {
    return this.writer.request();
  }
}
