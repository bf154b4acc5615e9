import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../shared/settings/settingsSchema';
import { realFileSystem } from '../store/fileSystem';
import { recordingLogger } from '../../tests/support/quietLogger';
import { makeTempDir } from '../../tests/support/tempDir';
import { PublishingCredentials, type SecretCodec } from './PublishingCredentials';

// A key store as safeStorage is one: real AES under a key the "OS" keeps, so the file can be checked for the password.
function keyStore(key = randomBytes(32), backend = 'gnome_libsecret'): SecretCodec {
  return {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => backend,
    encryptString: (plain) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decryptString: (data) => {
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
      decipher.setAuthTag(data.subarray(12, 28));
      return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

const password = 'abcd EFGH ijkl MNOP qrst UVWX';
const settings = { ...defaultSettings, wordpressTarget: { enabled: true, url: 'https://baotinh.vn', user: 'phongvien' } };
let dir: string;
let remove: () => Promise<void>;
beforeEach(async () => ({ dir, remove } = await makeTempDir()));
afterEach(() => remove());

const open = (codec: SecretCodec | null, env = {}) => PublishingCredentials.open({ dataDir: dir, fs: realFileSystem, log: recordingLogger(), codec, env });

describe('PublishingCredentials', () => {
  it('keeps the password encrypted on disk and brings it back after a restart', async () => {
    const key = randomBytes(32);
    const first = await open(keyStore(key));
    await first.setPassword(password);
    expect(first.storage).toBe('encrypted');
    const onDisk = await readFile(join(dir, 'credentials.json'), 'utf8');
    expect(onDisk).not.toContain('abcd');
    expect(onDisk).not.toContain('EFGH');
    const again = await open(keyStore(key));
    expect(again.wordpressAccount(settings)).toEqual({ url: 'https://baotinh.vn', user: 'phongvien', password });
  });

  it('asks again, losing nothing else, when the key is not the one it was saved with', async () => {
    await (await open(keyStore())).setPassword(password);
    const other = await open(keyStore());
    expect(other.hasPassword()).toBe(false);
    expect(other.wordpressAccount(settings)).toBeNull();
  });

  it('keeps the password only for the session without a real key store (plain Node, or Linux without a keyring)', async () => {
    for (const codec of [null, keyStore(randomBytes(32), 'basic_text')]) {
      const credentials = await open(codec);
      await credentials.setPassword(password);
      expect(credentials.storage).toBe('session');
      expect(credentials.wordpressAccount(settings)?.password).toBe(password);
      expect(await readdir(dir)).not.toContain('credentials.json');
      expect((await open(codec)).hasPassword()).toBe(false);
    }
  });

  it('takes the whole site from the environment when it names one, whatever the settings say', async () => {
    const credentials = await open(null, { DATELINE_WP_URL: 'http://127.0.0.1:8089', DATELINE_WP_USER: 'dateline', DATELINE_WP_APP_PASSWORD: 'x y z' });
    expect(credentials.storage).toBe('environment');
    expect(credentials.wordpressAccount(defaultSettings)).toEqual({ url: 'http://127.0.0.1:8089', user: 'dateline', password: 'x y z' });
  });

  it('gives no account while the target is off or incomplete, unless a connection test asks', async () => {
    const credentials = await open(keyStore());
    await credentials.setPassword(password);
    const off = { ...settings, wordpressTarget: { ...settings.wordpressTarget, enabled: false } };
    expect(credentials.wordpressAccount(off)).toBeNull();
    expect(credentials.wordpressAccount(off, { evenIfDisabled: true })?.user).toBe('phongvien');
    expect(credentials.wordpressAccount({ ...settings, wordpressTarget: { ...settings.wordpressTarget, url: '' } })).toBeNull();
  });
});
