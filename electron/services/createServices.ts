import { mkdir } from 'node:fs/promises';
import { createLogger, type Logger } from '../log/Logger';
import { MediaLibrary } from '../media/MediaLibrary';
import { StorySearch } from '../search/StorySearch';
import { SettingsStore } from '../settings/SettingsStore';
import { realFileSystem, type FileSystem } from '../store/fileSystem';
import { StoryStore } from '../store/StoryStore';

export interface ServicesConfig {
  dataDir: string;
  fs?: FileSystem;
  now?: () => Date;
  log?: Logger;
}

export interface Services {
  dataDir: string;
  log: Logger;
  stories: StoryStore;
  settings: SettingsStore;
  media: MediaLibrary;
  search: StorySearch;
  /** Settles once every story is in the search index; the library is usable before that. */
  searchReady: Promise<void>;
}

/** The composition root: the Electron shell, the web host and the tests all build the app through this. */
export async function createServices(config: ServicesConfig): Promise<Services> {
  const fs = config.fs ?? realFileSystem;
  await mkdir(config.dataDir, { recursive: true });
  const log = config.log ?? createLogger(config.dataDir);
  const [stories, settings, media] = await Promise.all([
    StoryStore.open({ dataDir: config.dataDir, fs, log, now: config.now }),
    SettingsStore.open(config.dataDir, fs, log),
    MediaLibrary.open({ dataDir: config.dataDir, fs, log, now: config.now }),
  ]);
  const search = new StorySearch();
  stories.onSaved((story) => search.put(story));
  // Reading every story takes a while in a big library: the window opens first and the index fills behind it.
  const searchReady = (async () => {
    for await (const story of stories.all()) search.put(story);
  })().catch((error) => log.error('the search index could not be built', error));
  log.info(`library opened at ${config.dataDir}`);
  return { dataDir: config.dataDir, log, stories, settings, media, search, searchReady };
}
