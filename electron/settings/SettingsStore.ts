import { join } from 'node:path';
import { Low } from 'lowdb';
import { defaultSettings, settingsSchema, type Settings } from '../../shared/settings/settingsSchema';
import type { Logger } from '../log/Logger';
import { AtomicJsonFile } from '../store/AtomicJsonFile';
import type { FileSystem } from '../store/fileSystem';

/** The reporter's preferences, in `settings.json` beside the library. A damaged file falls back to defaults. */
export class SettingsStore {
  private constructor(private readonly db: Low<Settings>) {}

  static async open(dataDir: string, fs: FileSystem, log: Logger): Promise<SettingsStore> {
    const db = new Low<Settings>(new AtomicJsonFile<Settings>(join(dataDir, 'settings.json'), fs), defaultSettings);
    try {
      const raw = await db.adapter.read();
      const parsed = settingsSchema.partial().safeParse(raw ?? {});
      db.data = { ...defaultSettings, ...(parsed.success ? parsed.data : {}) };
      if (!parsed.success) log.warn('settings.json was not valid; using the defaults');
    } catch (error) {
      log.warn('settings.json could not be read; using the defaults', error);
    }
    return new SettingsStore(db);
  }

  get(): Settings {
    return { ...this.db.data };
  }

  async update(changes: Partial<Settings>): Promise<Settings> {
    this.db.data = settingsSchema.parse({ ...this.db.data, ...changes });
    await this.db.write();
    return this.get();
  }
}
