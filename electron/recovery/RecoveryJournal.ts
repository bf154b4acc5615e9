import { join } from 'node:path';
import { recoveryEntrySchema, type RecoveryEntry } from '../../shared/story/recoverySchema';
import type { Quarantine } from '../library/Quarantine';
import { isNotFound, type FileSystem } from '../store/fileSystem';
import { storageError } from '../store/storageError';
import { writeFileAtomically } from '../store/writeFileAtomically';

const recoveryFolder = 'recovery';

/**
 * recovery/<story id>.json: what the editor held that the story file did not, written about once a second
 * while the reporter types, and dropped once a save has it. A crash between two autosaves then costs at most
 * the last second of typing; the editor offers the rest back when the story is opened again.
 */
export class RecoveryJournal {
  private folderMade: Promise<unknown> | null = null;

  constructor(
    private readonly dataDir: string,
    private readonly fs: FileSystem,
    private readonly quarantine: Quarantine,
    private readonly now: () => Date = () => new Date(),
    /** Refuses an id the story store does not know (`not_found`), checked in memory before anything is written. */
    private readonly requireKnown: (id: string) => void = () => undefined,
  ) {}

  /**
   * Moves aside every kept file that does not read, when the library opens: the typing in it is the only copy
   * there is, so the next autosave must not write over it unseen.
   */
  async check(): Promise<void> {
    let names: string[];
    try {
      names = await this.fs.readdir(join(this.dataDir, recoveryFolder));
    } catch (error) {
      if (isNotFound(error)) return;
      // A file where the folder should be.
      await this.quarantine.moveAside(join(this.dataDir, recoveryFolder), `the recovery folder could not be read: ${(error as Error).message}`);
      return;
    }
    for (const name of names.filter((n) => n.endsWith('.json') && !n.startsWith('.'))) await this.read(name.slice(0, -5));
  }

  async save(id: string, entry: Omit<RecoveryEntry, 'savedAt'>): Promise<{ savedAt: string }> {
    this.requireKnown(id);
    const savedAt = this.now().toISOString();
    try {
      // Once per run: this is called about once a second while the reporter types.
      this.folderMade ??= this.fs.mkdir(join(this.dataDir, recoveryFolder), { recursive: true }).catch((error: unknown) => {
        this.folderMade = null;
        throw error;
      });
      await this.folderMade;
      await writeFileAtomically(this.fs, this.path(id), JSON.stringify({ ...entry, savedAt }));
    } catch (error) {
      throw storageError(error, `could not keep the unsaved text of story ${id}`);
    }
    return { savedAt };
  }

  /** The kept text, or null when there is none; a damaged file is moved aside, never read as nothing and written over. */
  get(id: string): Promise<RecoveryEntry | null> {
    return this.read(id);
  }

  async discard(id: string): Promise<void> {
    try {
      await this.fs.rm(this.path(id), { force: true });
    } catch (error) {
      throw storageError(error, `could not drop the unsaved text of story ${id}`);
    }
  }

  private async read(id: string): Promise<RecoveryEntry | null> {
    let text: string;
    try {
      text = await this.fs.readFile(this.path(id), 'utf8');
    } catch (error) {
      if (isNotFound(error)) return null;
      if ((error as NodeJS.ErrnoException).code !== 'EISDIR') throw storageError(error, `could not read the unsaved text of story ${id}`);
      await this.quarantine.moveAside(this.path(id), 'a folder stands where the unsaved text should be');
      return null;
    }
    let parsed: ReturnType<typeof recoveryEntrySchema.safeParse> | null = null;
    try {
      parsed = recoveryEntrySchema.safeParse(JSON.parse(text));
    } catch {
      // not JSON: damaged like any other shape it should not have
    }
    if (parsed?.success) return parsed.data;
    await this.quarantine.moveAside(this.path(id), `the unsaved text kept for story ${id} is damaged`);
    return null;
  }

  private path(id: string): string {
    return join(this.dataDir, recoveryFolder, `${id}.json`);
  }
}
