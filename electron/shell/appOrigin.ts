/** The app's own pages load from this custom scheme, never from file:// or a remote URL. */
export const appScheme = 'app';
export const appOrigin = `${appScheme}://dateline`;

/** Photos of the library, served from the data folder by id. */
export const mediaScheme = 'dateline-media';

/**
 * The dev server of `npm run dev` (electron-vite sets ELECTRON_RENDERER_URL), in an app run from its sources
 * only. A packaged app ignores the variable: whoever could set it for the reporter would otherwise have a page
 * of their own loaded into the window, without the CSP, and its IPC calls trusted as the app's.
 */
export function devServerUrlOf(isPackaged: boolean, env: Readonly<Record<string, string | undefined>> = process.env): string | undefined {
  return isPackaged ? undefined : env.ELECTRON_RENDERER_URL || undefined;
}

/**
 * True for a URL of the app's own pages: the packaged scheme, or `devServerUrl` (devServerUrlOf) when given.
 * Nothing is read from the environment here, so a caller that passes no dev server trusts none.
 */
export function isAppUrl(url: string | undefined, devServerUrl?: string): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // A custom scheme has an opaque origin ("null"), so the bare origin string is compared as written.
  if (url === appOrigin || parsed.origin === appOrigin || url.startsWith(`${appOrigin}/`)) return true;
  return devServerUrl !== undefined && parsed.origin === new URL(devServerUrl).origin;
}
