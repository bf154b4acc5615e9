import type { Session, WebContents } from 'electron';
import { contentSecurityPolicy } from '../security/contentSecurityPolicy';
import { isAppUrl } from './appOrigin';

// The wiring of Electron's security checklist that is not a window option, in functions that take what they
// lock down, so that electron/shell/securityChecklist.test.ts can run them on stand-ins without Electron.

/**
 * Every web contents the app creates: no navigation away from the app's own pages, by a link, a script, a
 * server's redirect or in any frame, no `<webview>`, and no new window; a link to an http(s) page opens in the
 * reporter's browser instead.
 */
export function lockDownWebContents(
  contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>,
  openInBrowser: (url: string) => Promise<void>,
  /** The export menu's PDF item: the app's own print view, printed to PDF instead of opened (printStoryToPdf). */
  openPrintView?: { matches: (url: string) => boolean; open: (url: string) => void },
  /** The dev server whose pages are the app's too: devServerUrlOf(app.isPackaged). */
  devServerUrl?: string,
): void {
  const stayInApp = (event: { preventDefault: () => void }, url: string | undefined) => {
    if (!isAppUrl(url, devServerUrl)) event.preventDefault();
  };
  contents.on('will-navigate', (event, url) => stayInApp(event, url));
  // will-navigate sees only what the page starts in its main frame: a redirect answering an allowed URL, and any
  // navigation of a subframe, each have an event of their own.
  contents.on('will-redirect', (event, url) => stayInApp(event, url));
  contents.on('will-frame-navigate', (details) => stayInApp(details, details.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // A link in a story opens in the reporter's browser, never inside the app. Only http: and https: URLs get
    // there, so a story cannot launch a file:, smb: or custom-protocol handler through it.
    if (openPrintView?.matches(url)) openPrintView.open(url);
    // With no browser to hand the link to, the OS refuses; an unhandled rejection there would be a crash.
    else if (/^https?:\/\//i.test(url)) openInBrowser(url).catch((error: unknown) => console.error('the link could not be opened in a browser:', error));
    return { action: 'deny' };
  });
}

/**
 * No page may use the camera, the microphone or any other permission, with one exception: the app's own pages
 * may show notifications, which is how a deadline reminder reaches the reporter through the OS.
 */
export function denyAllPermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>, devServerUrl?: string): void {
  const allowed = (permission: string, origin: string | undefined) => permission === 'notifications' && isAppUrl(origin, devServerUrl);
  session.setPermissionRequestHandler((_contents, permission, callback, details) => callback(allowed(permission, details.requestingUrl)));
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => allowed(permission, requestingOrigin));
}


/** Every response the session loads carries the app's strict policy, whatever its origin sent. */
export function enforceContentSecurityPolicy(session: Pick<Session, 'webRequest'>): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    // Electronegativity reads a policy only when it is written here as a literal; this one is the shared
    // constant of electron/security/contentSecurityPolicy.ts, checked by securityChecklist.test.ts instead.
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] } }); // eng-disable CSP_GLOBAL_CHECK
  });
}
