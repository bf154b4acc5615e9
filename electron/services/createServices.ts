import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { LibraryBackup } from '../backup/LibraryBackup';
import { DataFolderLock } from '../library/DataFolderLock';
import { finishInterruptedRestore } from '../backup/swapLibrary';
import { StoryHistory } from '../history/StoryHistory';
import { RecoveryJournal } from '../recovery/RecoveryJournal';
import { Quarantine } from '../library/Quarantine';
import { createLogger, type Logger } from '../log/Logger';
import { MediaLibrary } from '../media/MediaLibrary';
import { FolderTarget } from '../publish/FolderTarget';
import { Outbox } from '../publish/Outbox';
import { PublishingCredentials, type PublishingEnvironment, type SecretCodec } from '../publish/PublishingCredentials';
import type { PublishTargetDriver } from '../publish/PublishTargetDriver';
import { WordPressTarget } from '../publish/WordPressTarget';
import { deliveryHolds } from '../../shared/workflow/prePublishChecklist';
import { checklistContext, markPublished } from '../workflow/storyWorkflow';
import { SearchIndexSaver } from '../search/SearchIndexSaver';
import type { StorySearch } from '../search/StorySearch';
import type { PublishTarget } from '../../shared/publish/outboxSchema';
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

export interface Services {
  dataDir: string;
  /** The library is on a read-only disk (a locked USB stick, a mounted snapshot): reading works, saving does not. */
  readOnly: boolean;
  /** The damaged files moved aside, which the reporter is told about until they dismiss the notice. */
  quarantine: Quarantine;
  log: Logger;
  stories: StoryStore;
  settings: SettingsStore;
  media: MediaLibrary;
  search: StorySearch;
  history: StoryHistory;
  recovery: RecoveryJournal;
  backup: LibraryBackup;
  outbox: Outbox;
  credentials: PublishingCredentials;
  /** The publishing targets set up now, built from the settings and the password each time they are asked for. */
  publishTargets(options?: { evenIfDisabled?: boolean }): Partial<Record<PublishTarget, PublishTargetDriver>>;
  /** Settles once the search index agrees with every story; the library is usable before that. */
  searchReady: Promise<void>;
  /** Writes what is still only in memory (the search index) and lets the process end. */
  close(): Promise<void>;
}

/** The composition root: the Electron shell, the web host and the tests all build the app through this. */
export async function createServices(config: ServicesConfig): Promise<Services> {
  // One process owns a data folder at a time (DataFolderLock). Taken first: the recovery of an interrupted restore
  // must not run under a library another process has open.
  const lock = await DataFolderLock.acquire(config.dataDir, { fs: config.fs, log: config.log ?? createLogger(null) });
  return openServices(config, undefined, lock).catch(async (error: unknown) => {
    await lock.release();
    throw error;
  });
}

/**
 * A backup restore replaces the data folder, which the services hold open. It closes them, swaps the folder,
 * and opens them again into the same Services object, so the Electron shell and the web host, which keep that
 * object and read its fields as they need them, carry on without a restart (the handler table is rebuilt by
 * createHandlers). Applying the restore at the next start would need both to restart themselves instead.
 */
async function reopenServices(services: Services, config: ServicesConfig, swap: () => Promise<void>, lock: DataFolderLock, closeKeepingLock: () => Promise<void>): Promise<void> {
  // The lock is kept through the swap (which carries its file over), so no process starting meanwhile opens the folder.
  await closeKeepingLock();
  try {
    await swap();
  } finally {
    await openServices(config, services, lock);
  }
}

async function openServices(config: ServicesConfig, into: Services | undefined, lock: DataFolderLock): Promise<Services> {
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
  const history = new StoryHistory({ dataDir: config.dataDir, fs, log, now: config.now, intervalMs: config.historyIntervalMs, quarantine });
  // The search index loads beside the story summaries: the library opens with both.
  const [stories, settings, media, { search, complete }] = await Promise.all([
    StoryStore.open({ dataDir: config.dataDir, fs, log, now: config.now, quarantine, readOnly, lastKnownCopy: (id) => history.newestCopy(id) }),
    SettingsStore.open(config.dataDir, fs, log, quarantine),
    MediaLibrary.open({ dataDir: config.dataDir, fs, log, now: config.now, quarantine, readOnly }),
    SearchIndexSaver.load(config.dataDir, fs, log, quarantine),
  ]);
  const saver = new SearchIndexSaver(config.dataDir, fs, search, log);
  stories.onSaved((story) => search.put(story));
  stories.onSaved((story, previous) => history.saved(story, previous));
  const recovery = new RecoveryJournal(config.dataDir, fs, quarantine, config.now);
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
    reopen: (swap) => reopenServices(services, config, swap, lock, closeKeepingLock),
    onPurged: (id) => search.remove(id),
  });
  // A minute after the library opens, when the reporter's first burst of work is done; a read-only library
  // cannot purge its trash, and its copy on disk is already the backup it would make.
  if (!readOnly) backup.start(searchReady, config.backupDelayMs ?? 60_000);
  const credentials = await PublishingCredentials.open({ dataDir: config.dataDir, fs, log, codec: config.secretCodec, env: config.env, quarantine });
  const publishTargets = ({ evenIfDisabled = false } = {}) => {
    const current = settings.get();
    const targets: Partial<Record<PublishTarget, PublishTargetDriver>> = {};
    const account = credentials.wordpressAccount(current, { evenIfDisabled });
    if (account) targets.wordpress = new WordPressTarget(account, media);
    if ((current.folderTarget.enabled || evenIfDisabled) && current.folderTarget.path) targets.folder = new FolderTarget(current.folderTarget.path, media, () => settings.get().timeZone);
    return targets;
  };
  const outbox = await Outbox.open({
    dataDir: config.dataDir,
    fs,
    log,
    stories,
    drivers: publishTargets,
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
  const close = () => closeKeepingLock().finally(() => lock.release());
  const services: Services = Object.assign(into ?? ({} as Services), {
    dataDir: config.dataDir,
    readOnly,
    quarantine,
    log,
    stories,
    settings,
    media,
    search,
    history,
    recovery,
    backup,
    outbox,
    credentials,
    publishTargets,
    searchReady,
    close,
  });
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
