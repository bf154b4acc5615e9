import { homedir } from 'node:os';
import { join } from 'node:path';

export const productName = 'Dateline';

/**
 * Where the library lives when nothing overrides it: the same folder as Electron's `userData/library`, so the
 * desktop app and the web host fallback open the same stories. Computed by hand because only the shell may
 * import Electron.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.DATELINE_DATA_DIR) return env.DATELINE_DATA_DIR;
  const home = homedir();
  const appData =
    platform === 'win32'
      ? (env.APPDATA ?? join(home, 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? join(home, 'Library', 'Application Support')
        : (env.XDG_CONFIG_HOME ?? join(home, '.config'));
  return join(appData, productName, 'library');
}
