import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Quarantine } from '../library/Quarantine';
import type { Logger } from '../log/Logger';
import { isNotFound, realFileSystem, type FileSystem } from '../store/fileSystem';
import { writeFileAtomically } from '../store/writeFileAtomically';

/** The web host's access token, kept in the data folder so a tab left open still works after a restart. */
export const webHostTokenFile = 'webhost-token';

/** Readable and writable by the reporter's account only: the token is the key to the whole library. */
const ownerOnly = 0o600;

/** What newWebHostToken makes (24 random bytes in base64url), with room for a longer one written by hand. */
const tokenPattern = /^[A-Za-z0-9_-]{32,256}$/;

export function newWebHostToken(): string {
  return randomBytes(24).toString('base64url');
}

export interface WebHostTokenOptions {
  dataDir: string;
  /** `--rotate-token`: a new token, so every tab opened with the old one is refused from now on. */
  rotate?: boolean;
  /** A damaged token file goes here, never deleted (the reporter is told, as for any file moved aside). */
  quarantine: Pick<Quarantine, 'moveAside'>;
  log: Logger;
  fs?: FileSystem;
}

export interface WebHostToken {
  token: string;
  /** kept: the file's; new: none was there; rotated: asked for; replaced: the file was damaged; unsaved: for this run only. */
  source: 'kept' | 'new' | 'rotated' | 'replaced' | 'unsaved';
}

/**
 * The token the web host answers to: the one in `<data>/webhost-token` when it is there and whole, or a new one
 * written there (owner-only, atomically). A token that changed on every start would leave every open tab answered
 * 401, forever, with what was typed during the restart kept only in that tab. When the file cannot be written (a
 * read-only library) the new token serves this run only.
 */
export async function loadWebHostToken({ dataDir, rotate = false, quarantine, log, fs = realFileSystem }: WebHostTokenOptions): Promise<WebHostToken> {
  const path = join(dataDir, webHostTokenFile);
  if (rotate) return save(fs, path, log, 'rotated');
  let text: string;
  try {
    text = await fs.readFile(path, 'utf8');
  } catch (error) {
    if (isNotFound(error)) return save(fs, path, log, 'new');
    if ((error as NodeJS.ErrnoException).code === 'EISDIR') {
      await quarantine.moveAside(path, 'a folder stood where the web host token should be; a new token was made');
      return save(fs, path, log, 'replaced');
    }
    log.warn(`could not read the web host token ${path}; a new one is used`, error);
    return save(fs, path, log, 'replaced');
  }
  const token = text.trim();
  if (!tokenPattern.test(token)) {
    await quarantine.moveAside(path, 'the web host token was empty or damaged; a new token was made, and tabs opened with the old address must be opened again');
    return save(fs, path, log, 'replaced');
  }
  await keepOwnerOnly(fs, path, log);
  return { token, source: 'kept' };
}

async function save(fs: FileSystem, path: string, log: Logger, source: WebHostToken['source']): Promise<WebHostToken> {
  const token = newWebHostToken();
  try {
    await writeFileAtomically(fs, path, `${token}\n`, { mode: ownerOnly });
    return { token, source };
  } catch (error) {
    log.warn(`could not keep the web host token in ${path}; tabs must be opened again after the next start`, error);
    return { token, source: 'unsaved' };
  }
}

/** A token file copied in or restored from a backup may be readable by others: it is made the owner's again. */
async function keepOwnerOnly(fs: FileSystem, path: string, log: Logger): Promise<void> {
  if (process.platform === 'win32') return;
  try {
    if (((await fs.stat(path)).mode & 0o077) === 0) return;
    const handle = await fs.open(path, 'r');
    try {
      await handle.chmod(ownerOnly);
    } finally {
      await handle.close();
    }
  } catch (error) {
    log.warn(`could not make the web host token ${path} readable by its owner only`, error);
  }
}
