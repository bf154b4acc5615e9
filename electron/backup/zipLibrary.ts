import { createWriteStream } from 'node:fs';
import { open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
// yazl rather than archiver: it is small, streams one entry at a time, has no native dependencies, and yauzl,
// from the same author, reads the zips back, which the backup does after every write to verify it.
import { ZipFile } from 'yazl';
import { isLockFile } from '../library/DataFolderLock';
import { realFileSystem } from '../store/fileSystem';
import { syncFolder, tempSuffix } from '../store/writeFileAtomically';

/**
 * Left out of a backup: the story index and the search index are rebuilt from the story files when the library
 * opens, and the log and the quarantine belong to this machine rather than to the library (a restore carries
 * them over from the library it replaces). The lock file (DataFolderLock) is left out too: it names the process
 * that has the library open now, and restored from a backup it would name one long gone. The web host's token
 * belongs to this machine's running host, like the log.
 */
const skippedAtTop = new Set(['index.json', 'index.journal', 'search-index.bin', 'logs', 'quarantine', 'webhost-token']);

/** The unfinished half of an atomic write (`.<name>.<random>.tmp`): never part of the library. */
export function isTempFile(name: string): boolean {
  return name.startsWith('.') && name.endsWith(tempSuffix);
}

/** Photo files are already compressed; deflating them again costs time and saves nothing. */
const storedExtensions = /\.(jpe?g|png|webp|gif|avif|heic|tiff?|mp4|mov|zip)$/i;

export interface ZipResult {
  bytes: number;
}

/** Every file of the library to back up, as paths relative to `dataDir` with `/` separators, in a stable order. */
export async function libraryFiles(dataDir: string, exclude: readonly string[] = []): Promise<string[]> {
  const found: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    const entries = await readdir(folder, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw error;
    });
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(folder, entry.name);
      const rel = relative(dataDir, path).split(sep).join('/');
      if (folder === dataDir && (skippedAtTop.has(entry.name) || isLockFile(entry.name))) continue;
      if (isTempFile(entry.name) || exclude.includes(path)) continue;
      // Symbolic links are not followed: a link could lead out of the library, or back into the backup folder.
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) found.push(rel);
    }
  };
  await walk(dataDir);
  return found;
}

/**
 * Zips the library into `target`. The zip is written under a temp name in the same folder, fsynced and renamed,
 * so a zip with a backup's name is always complete. The store keeps saving meanwhile: every file is read in
 * full just before its entry is written, and story files are replaced by rename, so each entry is one whole
 * version of its file. A file deleted meanwhile (a photo removed) fails the zip; the caller tries again.
 */
export async function zipLibrary(dataDir: string, target: string, exclude: readonly string[] = []): Promise<ZipResult> {
  const files = await libraryFiles(dataDir, exclude);
  const temp = join(dirname(target), `.${basename(target)}${tempSuffix}`);
  const zip = new ZipFile();
  // Always there, even in a library whose every story was purged, so a restore can tell a library from any zip.
  zip.addEmptyDirectory('stories/');
  const failed = new Promise<never>((_, reject) => zip.on('error', reject));
  failed.catch(() => undefined);
  for (const rel of files) {
    const path = join(dataDir, ...rel.split('/'));
    const info = await stat(path).catch(() => null);
    // The fastest deflate: story JSON still shrinks about threefold, and a backup of 10,000 stories does not
    // hold both cores of a laptop the reporter is typing on.
    zip.addReadStreamLazy(rel, { mtime: info?.mtime ?? new Date(), compressionLevel: storedExtensions.test(rel) ? 0 : 1 }, (callback) => {
      // Read whole, then handed over: the entry and its CRC are of one version of the file, whatever is saved next.
      readFile(path).then(
        (data) => callback(null, Readable.from([data])),
        (error) => callback(error, undefined as unknown as NodeJS.ReadableStream),
      );
    });
  }
  zip.end();
  try {
    await Promise.race([pipeline(zip.outputStream, createWriteStream(temp, { flags: 'wx' })), failed]);
    const handle = await open(temp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    const { size } = await stat(temp);
    await rename(temp, target);
    await syncFolder(realFileSystem, dirname(target));
    return { bytes: size };
  } catch (error) {
    (zip.outputStream as Readable).destroy();
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
}
