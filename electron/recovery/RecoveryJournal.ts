import { join } from 'node:path';
import { recoveryEntrySchema, type RecoveryEntry } from '../../shared/story/recoverySchema';
import { isNotFound, type FileSystem } from '../store/fileSystem';
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
    private readonly now: () => Date = () => new Date(),
  ) {}

  async save(id: string, entry: Omit<RecoveryEntry, 'savedAt'>): Promise<{ savedAt: string }> {
    const savedAt = this.now().toISOString();
    // Once per run: this is called about once a second while the reporter types.
    this.folderMade ??= this.fs.mkdir(join(this.dataDir, recoveryFolder), { recursive: true }).catch((error: unknown) => {
      this.folderMade = null;
      throw error;
    });
    await this.folderMade;
    await writeFileAtomically(this.fs, this.path(id), JSON.stringify({ ...entry, savedAt }));
    return { savedAt };
  }

  /** The kept text, or null when there is none or it is damaged (it is only ever a spare copy). */
  async get(id: string): Promise<RecoveryEntry | null> {
    try {
      const parsed = recoveryEntrySchema.safeParse(JSON.parse(await this.fs.readFile(this.path(id), 'utf8')));
      return parsed.success ? parsed.data : null;
    } catch (error) {
      if (isNotFound(error) || error instanceof SyntaxError) return null;
      throw error;
    }
  }

  async discard(id: string): Promise<void> {
    await this.fs.rm(this.path(id), { force: true });
  }

  private path(id: string): string {
    return join(this.dataDir, recoveryFolder, `${id}.json`);
  }
}
