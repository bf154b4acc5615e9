import { join } from 'node:path';
import type { Settings } from '../../shared/settings/settingsSchema';
import { z } from 'zod';
import { Quarantine } from '../library/Quarantine';
import type { Logger } from '../log/Logger';
import { isNotFound, type FileSystem } from '../store/fileSystem';
import { writeFileAtomically } from '../store/writeFileAtomically';
import type { WordPressAccount } from './WordPressClient';

/** The OS's secret store as Electron's safeStorage offers it; the shell passes it in, plain Node has none. */
export interface SecretCodec {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(cipher: Buffer): string;
  /** Linux only: 'basic_text' means no key store was found and the "encryption" uses a well-known key. */
  getSelectedStorageBackend?(): string;
}

/** The web host's way in: the site, user and password from its environment, never from a file. */
export interface PublishingEnvironment {
  DATELINE_WP_URL?: string;
  DATELINE_WP_USER?: string;
  DATELINE_WP_APP_PASSWORD?: string;
}

const credentialsFileName = 'credentials.json';
const credentialsFileSchema = z.object({ wordpress: z.string().optional() }).strict();

/**
 * Where the WordPress Application Password lives. Never in settings.json or a story file, which are plain
 * text a backup copies anywhere: encrypted with the OS's key (safeStorage: Keychain, DPAPI, libsecret) in
 * `credentials.json`; where no OS key is available, only in memory for this session, so the reporter types it
 * again after a restart rather than leave it readable on disk. The web host takes all three details from its
 * environment instead.
 */
export class PublishingCredentials {
  private password: string | null = null;

  private constructor(
    private readonly path: string,
    private readonly fs: FileSystem,
    private readonly log: Logger,
    private readonly codec: SecretCodec | null,
    private readonly env: PublishingEnvironment,
  ) {}

  static async open(options: {
    dataDir: string;
    fs: FileSystem;
    log: Logger;
    codec?: SecretCodec | null;
    env?: PublishingEnvironment;
    quarantine?: Quarantine;
  }): Promise<PublishingCredentials> {
    const credentials = new PublishingCredentials(join(options.dataDir, credentialsFileName), options.fs, options.log, options.codec ?? null, options.env ?? {});
    await credentials.load(options.quarantine ?? new Quarantine(options.dataDir, options.fs, options.log));
    return credentials;
  }

  /** Whether the web host's environment names the site: then it is used whatever the settings say. */
  get fromEnvironment(): boolean {
    return Boolean(this.env.DATELINE_WP_URL && this.env.DATELINE_WP_USER && this.env.DATELINE_WP_APP_PASSWORD);
  }

  get storage(): 'encrypted' | 'environment' | 'session' {
    if (this.fromEnvironment) return 'environment';
    return this.canEncrypt() ? 'encrypted' : 'session';
  }

  hasPassword(): boolean {
    return this.fromEnvironment || Boolean(this.password);
  }

  /** The account to deliver with: the environment's, or the settings' once enabled and complete; else null. */
  wordpressAccount(settings: Settings, { evenIfDisabled = false } = {}): WordPressAccount | null {
    if (this.fromEnvironment) return { url: this.env.DATELINE_WP_URL!, user: this.env.DATELINE_WP_USER!, password: this.env.DATELINE_WP_APP_PASSWORD! };
    const { enabled, url, user } = settings.wordpressTarget;
    if ((!enabled && !evenIfDisabled) || !url || !user || !this.password) return null;
    return { url, user, password: this.password };
  }

  async setPassword(password: string): Promise<void> {
    const trimmed = password.trim();
    this.password = trimmed || null;
    if (!this.canEncrypt()) {
      this.log.warn('no OS key store: the WordPress password is kept for this session only');
      await this.fs.rm(this.path).catch(() => undefined);
      return;
    }
    if (!trimmed) {
      await this.fs.rm(this.path).catch(() => undefined);
      return;
    }
    const cipher = this.codec!.encryptString(trimmed).toString('base64');
    await writeFileAtomically(this.fs, this.path, `${JSON.stringify({ wordpress: cipher })}\n`);
  }

  private canEncrypt(): boolean {
    try {
      // On a Linux desktop without a keyring, safeStorage still "encrypts", with a key every copy of Chromium knows.
      if (this.codec?.getSelectedStorageBackend?.() === 'basic_text') return false;
      return this.codec?.isEncryptionAvailable() ?? false;
    } catch {
      return false;
    }
  }

  private async load(quarantine: Quarantine): Promise<void> {
    let text: string;
    try {
      text = (await this.fs.readFile(this.path)).toString('utf8');
    } catch (error) {
      if (isNotFound(error)) return;
      this.log.warn('credentials.json could not be read; the WordPress password must be entered again', error);
      if ((error as NodeJS.ErrnoException).code === 'EISDIR') await quarantine.moveAside(this.path, 'a folder stands where the saved password should be');
      return;
    }
    const saved = credentialsFileSchema.safeParse(safeJson(text));
    if (!saved.success) {
      // Moved aside rather than written over at the next "save password": it may still be the only copy.
      await quarantine.moveAside(this.path, 'the saved WordPress password file is damaged; the password must be entered again');
      return;
    }
    try {
      const { wordpress } = saved.data;
      if (typeof wordpress === 'string' && this.canEncrypt()) this.password = this.codec!.decryptString(Buffer.from(wordpress, 'base64'));
    } catch (error) {
      // Another user's or machine's key, or a damaged file: the password is asked for again, nothing else is lost.
      this.log.warn('the saved WordPress password could not be decrypted; it must be entered again', error);
    }
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
