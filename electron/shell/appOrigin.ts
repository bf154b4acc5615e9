/** The app's own pages load from this custom scheme, never from file:// or a remote URL. */
export const appScheme = 'app';
export const appOrigin = `${appScheme}://dateline`;

/** Photos of the library, served from the data folder by id. */
export const mediaScheme = 'dateline-media';

/** True for a URL of the app's own pages: the packaged scheme, or the dev server in `npm run dev`. */
export function isAppUrl(url: string | undefined, devServerUrl = process.env.ELECTRON_RENDERER_URL): boolean {
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
