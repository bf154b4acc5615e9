import { join } from 'node:path';
import { Low } from 'lowdb';
import { defaultSettings, settingsSchema, type Settings } from '../../shared/settings/settingsSchema';
import { Quarantine } from '../library/Quarantine';
import type { Logger } from '../log/Logger';
import { AtomicJsonFile } from '../store/AtomicJsonFile';
import type { FileSystem } from '../store/fileSystem';
import { storageError } from '../store/storageError';

/**
 * The reporter's preferences, in `settings.json` beside the library. A damaged file is moved aside, never written
 * over: every setting in it that still reads is kept (the newsroom's categories and dictionary are work), and
 * only the rest falls back to the defaults.
 */
export class SettingsStore {
  private constructor(
    private readonly db: Low<Settings>,
    private current: Settings,
  ) {}

  static async open(dataDir: string, fs: FileSystem, log: Logger, quarantine = new Quarantine(dataDir, fs, log)): Promise<SettingsStore> {
    const path = join(dataDir, 'settings.json');
    const db = new Low<Settings>(new AtomicJsonFile<Settings>(path, fs), defaultSettings);
    let kept: Partial<Settings> = {};
    let damage: string | null = null;
    try {
      const raw = await db.adapter.read();
      if (raw !== null) ({ kept, damage } = salvage(raw));
    } catch (error) {
      damage = (error as Error).message;
    }
    if (damage) {
      log.warn(`settings.json was damaged (${damage}); what still reads is kept, the rest is the default`);
      await quarantine.moveAside(path, `the settings were damaged (${damage}); every setting that still read was kept`);
    }
    return new SettingsStore(db, { ...defaultSettings, ...kept });
  }

  get(): Settings {
    return { ...this.current };
  }

  /** Takes the change only once it is on disk, so what the app shows is always what a restart will read. */
  async update(changes: Partial<Settings>): Promise<Settings> {
    const next = settingsSchema.parse({ ...this.current, ...changes });
    this.db.data = next;
    try {
      await this.db.write();
    } catch (error) {
      throw storageError(error, 'could not save the settings');
    }
    this.current = next;
    return this.get();
  }
}

/** The settings in a file that is JSON, each checked on its own; damage names what could not be kept. */
function salvage(raw: unknown): { kept: Partial<Settings>; damage: string | null } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { kept: {}, damage: 'it is not a settings object' };
  const kept: Record<string, unknown> = {};
  const lost: string[] = [];
  for (const [key, schema] of Object.entries(settingsSchema.shape)) {
    if (!Object.prototype.hasOwnProperty.call(raw, key)) continue;
    const parsed = schema.safeParse((raw as Record<string, unknown>)[key]);
    if (parsed.success) kept[key] = parsed.data;
    else lost.push(key);
  }
  return { kept: kept as Partial<Settings>, damage: lost.length ? `unreadable: ${lost.join(', ')}` : null };
}
