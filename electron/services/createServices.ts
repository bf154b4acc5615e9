import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { StoryExporter } from '../export/StoryExporter';
import type { StoryImporter } from '../import/StoryImporter';
import { LibraryBackup } from '../backup/LibraryBackup';
import { finishInterruptedRestore } from '../backup/swapLibrary';
import { Library, type LibraryContext } from '../library/Library';
import { LibraryStatus } from '../library/LibraryStatus';
import { StoryHistory } from '../history/StoryHistory';
import { RecoveryJournal } from '../recovery/RecoveryJournal';
import { Quarantine } from '../library/Quarantine';
import { createLogger, type Logger } from '../log/Logger';
import { MediaLibrary } from '../media/MediaLibrary';
import { Outbox } from '../publish/Outbox';
import { Publishing } from '../publish/Publishing';
import { PublishingCredentials, type PublishingEnvironment, type SecretCodec } from '../publish/PublishingCredentials';
import { deliveryHolds } from '../../shared/workflow/prePublishChecklist';
import { StoryDesk } from '../workflow/StoryDesk';
import { checklistContext, markPublished } from '../workflow/storyWorkflow';
import { SearchIndexSaver } from '../search/SearchIndexSaver';
import { StoryFinder } from '../search/StoryFinder';
import type { StorySearch } from '../search/StorySearch';
import { SettingsStore } from '../settings/SettingsStore';
import { isNotFound, realFileSystem, type FileSystem } from '../store/fileSystem';
import { StoryStore } from '../store/StoryStore';

export interface ServicesConfig {
  dataDir: string;
  fs?: FileSystem;
  now?: () => Date;
  log?: Logger;
  /** Editing keeps at most one version per this many milliseconds (see StoryHistory). */
  historyIntervalMs?: number;
  /** How long after the library opens the start-up backup runs (see LibraryBackup.start); a minute by default. */
  backupDelayMs?: number;
  /** The OS key store for the WordPress password (Electron's safeStorage); none in plain Node. */
  secretCodec?: SecretCodec | null;
  /** The web host's environment, which may name the WordPress site (DATELINE_WP_*). */
  env?: PublishingEnvironment;
  /** The outbox's waits between tries (see Outbox). */
  outboxBackoff?: { baseMs: number; maxMs: number };
}

/** Every service on one open library: what opening a data folder makes, and what a restore makes again. */
export interface OpenServices {
  dataDir: string;
  /** The library is on a read-only disk (a locked USB stick, a mounted snapshot): reading works, saving does not. */
  readOnly: boolean;
  /** The damaged files moved aside, which the reporter is told about until they dismiss the notice. */
  quarantine: Quarantine;
  /** Where the library is, whether it takes saves, and the notice about what was moved aside. */
  status: LibraryStatus;
  log: Logger;
  stories: StoryStore;
  settings: SettingsStore;
  media: MediaLibrary;
  /** The search index. */
  search: StorySearch;
  /** The story list's search: the index's hits with the list's filters and order. */
  finder: StoryFinder;
  /** Moves between statuses, their checks, and the calendar. */
  desk: StoryDesk;
  history: StoryHistory;
  recovery: RecoveryJournal;
  backup: LibraryBackup;
  outbox: Outbox;
  credentials: PublishingCredentials;
  /** The publishing targets, their status and the connection test. */
  publishing: Publishing;
  /** Word and HTML in: loaded when first used (mammoth and linkedom took half a second of every start). */
  importer: () => Promise<StoryImporter>;
  /** Word, HTML, ninjs and the rest out: loaded when first used, as the importer is. */
  exporter: () => Promise<StoryExporter>;
  /** Settles once the search index agrees with every story; the library is usable before that. */
  searchReady: Promise<void>;
  /** Writes what is still only in memory (the search index); the data folder's lock is the Library's. */
  close(): Promise<void>;
}

/**
 * What the Electron shell, the web host and the tests hold: the services of the library open now. Each field is
 * read from `library` when it is used, so after a backup restore (which opens the services again on the restored
 * folder) the same object, and every transport holding it, reaches the new services; nothing is patched.
 */
export type Services = Omit<OpenServices, 'close'> & {
  /** The open library's lifecycle: counts the transports' calls and replaces the library under them. */
  library: Library<OpenServices>;
  /** Writes what is still only in memory (the search index), lets go of the data folder and lets the process end. */
  close(): Promise<void>;
};

/** The composition root: the Electron shell, the web host and the tests all build the app through this. */
export async function createServices(config: ServicesConfig): Promise<Services> {
  // One process owns a data folder at a time: Library.open takes its lock (DataFolderLock) before opening it.
  const library = await Library.open({ dataDir: config.dataDir, fs: config.fs, log: config.log ?? createLogger(null), open: (context) => openServices(config, context) });
  return liveView(library);
}

/** The Services object over a Library: each service is looked up in the library open at the moment it is read. */
function liveView(library: Library<OpenServices>): Services {
  const view = { library, close: () => library.close() } as Services;
  for (const key of Object.keys(library.services)) {
    if (key in view) continue;
    Object.defineProperty(view, key, { enumerable: true, get: () => library.services[key as keyof OpenServices] });
  }
  return view;
}

async function openServices(config: ServicesConfig, { lock, replace }: LibraryContext): Promise<OpenServices> {
  const fs = config.fs ?? realFileSystem;
  await mkdir(config.dataDir, { recursive: true });
  const readOnly = await isReadOnly(fs, config.dataDir);
  // Before anything touches the data folder: a restore a crash interrupted is completed or undone first.
  if (!readOnly) await finishInterruptedRestore(config.dataDir, config.log ?? createLogger(null));
  // That recovery may have moved aside the folder the lock was taken in, and a restore swaps in another.
  await lock.ensure();
  const quarantine = new Quarantine(config.dataDir, fs, config.log ?? createLogger(null), config.now);
  if (!readOnly) await setAsideDamagedLog(config.dataDir, fs, quarantine);
  const log = config.log ?? createLogger(readOnly ? null : config.dataDir);
  if (readOnly) log.warn(`the library at ${config.dataDir} is on a read-only disk: it opens for reading, searching and exporting`);
  // Before the stories: a story file found damaged is put back from its newest version.
  const history = new StoryHistory({ dataDir: config.dataDir, fs, log, now: config.now, intervalMs: config.historyIntervalMs, quarantine, stories: (): StoryStore => stories });
  // The search index loads beside the story summaries: the library opens with both.
  const [stories, settings, media, { search, complete }] = await Promise.all([
    StoryStore.open({ dataDir: config.dataDir, fs, log, now: config.now, quarantine, readOnly, lastKnownCopy: (id) => history.newestCopy(id) }),
    SettingsStore.open(config.dataDir, fs, log, quarantine),
    // The photos ask the stories which of them use each (read at call time, once both are open).
    MediaLibrary.open({ dataDir: config.dataDir, fs, log, now: config.now, quarantine, readOnly, usage: (): Map<string, string[]> => stories.mediaUsage() }),
    SearchIndexSaver.load(config.dataDir, fs, log, quarantine),
  ]);
  const saver = new SearchIndexSaver(config.dataDir, fs, search, log);
  stories.onSaved((story) => search.put(story));
  stories.onSaved((story, previous) => history.saved(story, previous));
  const recovery = new RecoveryJournal(config.dataDir, fs, quarantine, config.now, (id) => stories.requireKnown(id));
  // Typing kept from before a crash is the only copy there is: one that does not read is moved aside now,
  // before an autosave could write over it.
  await recovery.check().catch((error) => log.error('could not check the kept unsaved text', error));
  const searchReady = complete()
    .then(() => repairSearchIndex(stories, search, log))
    .then((repaired) => (repaired ? saver.flush() : undefined))
    .catch((error) => log.error('the search index could not be brought up to date', error));
  log.info(`library opened at ${config.dataDir}`);
  const backup = new LibraryBackup({
    dataDir: config.dataDir,
    settings,
    stories,
    log,
    now: config.now ?? (() => new Date()),
    replaceLibrary: replace,
    onPurged: (id) => search.remove(id),
  });
  // A minute after the library opens, when the reporter's first burst of work is done; a read-only library
  // cannot purge its trash, and its copy on disk is already the backup it would make.
  if (!readOnly) backup.start(searchReady, config.backupDelayMs ?? 60_000);
  const credentials = await PublishingCredentials.open({ dataDir: config.dataDir, fs, log, codec: config.secretCodec, env: config.env, quarantine });
  const publishing = new Publishing({ settings, credentials, media, log });
  const outbox = await Outbox.open({
    dataDir: config.dataDir,
    fs,
    log,
    stories,
    drivers: () => publishing.targets(),
    now: config.now,
    backoff: config.outboxBackoff,
    onPublished: (id) => markPublished(stories, id),
    holds: (story) => deliveryHolds(story, checklistContext(stories, settings.get(), story.id)),
    quarantine,
  });
  // Every delivery writes outbox.json; a read-only library delivers nothing until it is writable again.
  if (!readOnly) outbox.start();
  const closeKeepingLock = async () => {
    await outbox.close();
    await backup.stop();
    await searchReady;
    await history.idle();
    await saver.close();
    await stories.close();
  };
  const importer = once(async () => new (await import('../import/StoryImporter')).StoryImporter({ stories, media, log }));
  const exporter = once(async () => new (await import('../export/StoryExporter')).StoryExporter({ stories, media, log, timeZone: () => settings.get().timeZone, sitePhotoUrls: (id) => outbox.sitePhotoUrls(id) }));
  const services: OpenServices = {
    dataDir: config.dataDir,
    readOnly,
    quarantine,
    status: new LibraryStatus({ dataDir: config.dataDir, readOnly, quarantine }),
    log,
    stories,
    settings,
    media,
    search,
    finder: new StoryFinder({ stories, index: search, ready: searchReady }),
    desk: new StoryDesk({ stories, settings, destinations: () => Object.keys(publishing.targets()) }),
    history,
    recovery,
    backup,
    outbox,
    credentials,
    publishing,
    importer,
    exporter,
    searchReady,
    close: closeKeepingLock,
  };
  return services;
}

/**
 * Brings the saved search index up to date with the story files: stories saved after it was last written (a
 * crash, another copy of the app) and stories it has never seen (a first open, a lost index file), told apart
 * by revision. Reading a big library takes a while, so the window opens first and this runs behind it.
 * Returns how many stories it re-indexed or dropped.
 */
async function repairSearchIndex(stories: StoryStore, search: StorySearch, log: Logger): Promise<number> {
  const indexed = search.revisions();
  const summaries = stories.summaries();
  const current = new Set(summaries.map((s) => s.id));
  const gone = [...indexed.keys()].filter((id) => !current.has(id));
  for (const id of gone) search.remove(id);
  const stale = summaries.filter((s) => indexed.get(s.id) !== s.revision);
  if (indexed.size && (stale.length || gone.length)) log.warn(`search index: re-indexing ${stale.length} stories changed since it was saved, dropping ${gone.length}`);
  // An index ahead of the file (written after a save the disk then lost) is dropped now, before any await: a save
  // landing while the files are read re-indexes its story itself, and put() keeps the newer of the two.
  for (const summary of stale) if ((indexed.get(summary.id) ?? 0) > summary.revision) search.remove(summary.id);
  for (const summary of stale) {
    const story = await stories.get(summary.id).catch(() => null);
    if (story) search.put(story);
  }
  return stale.length + gone.length;
}

/** Whether the data folder takes no writes: a probe file is made and removed, as any save would. */
async function isReadOnly(fs: FileSystem, dataDir: string): Promise<boolean> {
  const probe = join(dataDir, `.write-probe-${randomBytes(6).toString('hex')}`);
  try {
    const handle = await fs.open(probe, 'wx');
    await handle.close();
    await fs.rm(probe, { force: true });
    return false;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return true;
    throw error;
  }
}

/** The log is appended to and never read, so only a folder in its place (where no line could go) is damage. */
async function setAsideDamagedLog(dataDir: string, fs: FileSystem, quarantine: Quarantine): Promise<void> {
  const path = join(dataDir, 'logs', 'dateline.log');
  try {
    if ((await fs.stat(path)).isDirectory()) await quarantine.moveAside(path, 'a folder stood where the log should be');
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
}

/** Runs `make` on the first call and hands every call the same result. */
function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | null = null;
  return () => (made ??= make());
}
