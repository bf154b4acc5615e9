import { basename, join, relative, sep } from 'node:path';
import { z } from 'zod';
import { libraryProblemKinds, type LibraryProblem, type LibraryProblemKind } from '../../shared/library/libraryProblem';
import type { Logger } from '../log/Logger';
import { isNotFound, type FileSystem } from '../store/fileSystem';
import { writeFileAtomically } from '../store/writeFileAtomically';

export const quarantineFolder = 'quarantine';
const dismissedFolder = 'dismissed';
/** Beside each file moved aside: why, from where, when. The reporter's notice is rebuilt from these after a restart. */
const noteSuffix = '.why.json';

const noteSchema = z.object({
  file: z.string(),
  reason: z.string(),
  at: z.string(),
  kind: z.enum(libraryProblemKinds),
});

/**
 * The one way a damaged file Dateline owns leaves its place: moved into `quarantine/`, never deleted and never
 * written over, with a note of why beside it. What the folder holds (less what the reporter dismissed, which
 * moves on into `quarantine/dismissed/`) is what the reporter is told about, so the notice survives a restart
 * without a register of its own that could itself be damaged.
 */
export class Quarantine {
  /** Problems with no file moved aside (a read-only library): reported for this run only. */
  private readonly unmoved: LibraryProblem[] = [];

  constructor(
    private readonly dataDir: string,
    private readonly fs: FileSystem,
    private readonly log: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get folder(): string {
    return join(this.dataDir, quarantineFolder);
  }

  /**
   * Moves the file (or whatever stands at its path: a folder too) aside. Returns false when there was nothing
   * to move. When it cannot be moved (a read-only disk) it stays where it is, unread, and is still reported.
   */
  async moveAside(path: string, reason: string, kind: LibraryProblemKind = kindOf(relative(this.dataDir, path))): Promise<boolean> {
    const at = this.now().toISOString();
    const file = relative(this.dataDir, path).split(sep).join('/');
    // The path inside the library, flattened, so two stories' versions.jsonl never meet under one name.
    const name = `${at.replace(/[:.]/g, '-')}-${file.replace(/\//g, '__')}`;
    const movedTo = join(this.folder, name);
    try {
      await this.fs.mkdir(this.folder, { recursive: true });
      await this.fs.rename(path, movedTo);
    } catch (error) {
      if (isNotFound(error) && !(await exists(this.fs, path))) return false;
      this.log.error(`could not move the damaged file ${path} aside; it is left where it is`, error);
      this.unmoved.push({ id: `unmoved:${file}`, file, movedTo: null, reason, at, kind });
      return true;
    }
    this.log.warn(`moved a damaged file to quarantine: ${path} → ${movedTo} (${reason})`);
    // The note only tells; the file is already safe, so a note that cannot be written is logged, not thrown.
    await writeFileAtomically(this.fs, `${movedTo}${noteSuffix}`, JSON.stringify({ file, reason, at, kind }))
      .catch((error) => this.log.error(`could not write why ${name} was quarantined`, error));
    return true;
  }

  /** Every file moved aside that the reporter has not dismissed, oldest first. */
  async list(): Promise<LibraryProblem[]> {
    let names: string[];
    try {
      names = await this.fs.readdir(this.folder);
    } catch (error) {
      if (!isNotFound(error)) this.log.warn('could not read the quarantine folder', error);
      return [...this.unmoved];
    }
    const notes = new Set(names.filter((name) => name.endsWith(noteSuffix)));
    const problems: LibraryProblem[] = [];
    for (const name of names.sort()) {
      if (name === dismissedFolder || notes.has(name) || name.startsWith('.')) continue;
      const note = notes.has(`${name}${noteSuffix}`) ? await this.readNote(name) : null;
      const file = note?.file ?? name;
      problems.push({
        id: name,
        file,
        movedTo: join(this.folder, name),
        reason: note?.reason ?? 'moved aside by an earlier version of Dateline',
        at: note?.at ?? '',
        kind: note?.kind ?? kindOf(file),
      });
    }
    return [...problems, ...this.unmoved];
  }

  /** The reporter has read the notice: the files move on into `quarantine/dismissed/`, still kept. */
  async dismiss(ids: string[] | undefined): Promise<void> {
    const chosen = new Set(ids ?? (await this.list()).map((problem) => problem.id));
    for (const problem of this.unmoved.filter((p) => chosen.has(p.id))) this.unmoved.splice(this.unmoved.indexOf(problem), 1);
    const target = join(this.folder, dismissedFolder);
    for (const id of chosen) {
      // Ids are names in the folder as list() gave them; anything with a separator is no such name.
      if (id.startsWith('unmoved:') || basename(id) !== id || id === dismissedFolder || id.startsWith('.')) continue;
      await this.fs.mkdir(target, { recursive: true });
      for (const name of [id, `${id}${noteSuffix}`]) {
        await this.fs.rename(join(this.folder, name), join(target, name)).catch((error: unknown) => {
          if (!isNotFound(error)) throw error;
        });
      }
    }
  }

  private async readNote(name: string): Promise<z.infer<typeof noteSchema> | null> {
    try {
      const parsed = noteSchema.safeParse(JSON.parse(await this.fs.readFile(join(this.folder, `${name}${noteSuffix}`), 'utf8')));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }
}

/** Which of the library's files a path inside it is, for the reporter's words. */
export function kindOf(file: string): LibraryProblemKind {
  const path = file.split(/[\\/]/).join('/');
  if (path.startsWith('stories/')) return 'story';
  if (path === 'index.json' || path === 'index.journal') return 'storyIndex';
  if (path.startsWith('search-index')) return 'searchIndex';
  if (path === 'media/index.json') return 'mediaIndex';
  if (path.startsWith('media/')) return 'photo';
  if (path.startsWith('history/')) return 'history';
  if (path.startsWith('recovery/')) return 'recovery';
  if (path === 'settings.json') return 'settings';
  if (path === 'outbox.json') return 'outbox';
  if (path === 'credentials.json') return 'credentials';
  if (path.startsWith('logs/')) return 'log';
  return 'other';
}

async function exists(fs: FileSystem, path: string): Promise<boolean> {
  try {
    await fs.stat(path);
    return true;
  } catch {
    return false;
  }
}
