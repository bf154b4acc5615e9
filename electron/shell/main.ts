import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session, shell } from 'electron';
import { createHandlers } from '../api/createHandlers';
import { outputsChecked } from '../api/dispatch';
import { mediaResponse } from '../http/mediaRoute';
import { mimeTypeOf } from '../http/mimeTypes';
import { createLogger } from '../log/Logger';
import { contentSecurityPolicy } from '../security/contentSecurityPolicy';
import { resolveInsideRoot } from '../security/resolveInsideRoot';
import { createServices } from '../services/createServices';
import { appOrigin, appScheme, devServerUrlOf, mediaScheme } from './appOrigin';
import { buildMenu } from './buildMenu';
import { denyAllPermissions, enforceContentSecurityPolicy, lockDownWebContents } from './lockDown';
import { registerIpc } from './registerIpc';
import { isPrintViewUrl, printStoryToPdf } from './printStoryToPdf';
import { windowOptions } from './windowOptions';

const here = dirname(fileURLToPath(import.meta.url));
const rendererRoot = join(here, '..', 'renderer');
const preloadPath = join(here, '..', 'preload', 'preload.cjs');
// Only `npm run dev` loads from a dev server; a packaged app ignores ELECTRON_RENDERER_URL (devServerUrlOf).
const devServerUrl = devServerUrlOf(app.isPackaged);

protocol.registerSchemesAsPrivileged([
  { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  { scheme: mediaScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

// Two copies of the app would be two writers of the same story files. This covers one user's copies; the data
// folder's own lock (DataFolderLock) covers the web host, other accounts and other computers.
if (!app.requestSingleInstanceLock()) app.quit();

// Every promise is meant to be handled; one that is not is logged as the bug it is, and the reporter's open
// stories stay open rather than the app ending under them.
let log = createLogger(null);
process.on('unhandledRejection', (reason) => log.error('a promise failed with nothing to handle it', reason instanceof Error ? reason : String(reason)));

app.on('web-contents-created', (_event, contents) => {
  // Electronegativity asks for a review of every openExternal: lockDownWebContents passes it http(s) URLs only.
  const printView = {
    matches: (url: string) => isPrintViewUrl(url, devServerUrl),
    open: (url: string) => void printStoryToPdf(BrowserWindow.fromWebContents(contents), url, preloadPath).catch((error) => console.error('the PDF could not be made:', error)),
  };
  lockDownWebContents(contents, (url) => shell.openExternal(url), printView, devServerUrl); // eng-disable OPEN_EXTERNAL_JS_CHECK
});

app.on('second-instance', () => {
  const window = BrowserWindow.getAllWindows()[0];
  if (window?.isMinimized()) window.restore();
  window?.focus();
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

async function start(): Promise<void> {
  await app.whenReady();
  const dataDir = process.env.DATELINE_DATA_DIR ?? join(app.getPath('userData'), 'library');
  log = createLogger(dataDir);
  // safeStorage keeps the WordPress password under the OS's key (Keychain, DPAPI, libsecret); see PublishingCredentials.
  const services = await createServices({ dataDir, log, secretCodec: safeStorage });
  // Every answer is checked against the contract in development (and with DATELINE_CHECK_OUTPUTS=1); a packaged
  // app skips the cost unless asked.
  const checkOutputs = process.env.DATELINE_CHECK_OUTPUTS === '1' || (!app.isPackaged && outputsChecked(process.env));
  registerIpc(ipcMain, createHandlers(services), log, devServerUrl, { checkOutputs });
  // Quitting waits for what is only in memory (the search index) to reach the disk, once.
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    closed = true;
    services
      .close()
      .catch((error: unknown) => log.error('the library could not be closed cleanly', error))
      .finally(() => app.quit());
  });

  protocol.handle(appScheme, async (request) => {
    const file = resolveInsideRoot(rendererRoot, new URL(request.url).pathname);
    if (!file) return new Response('not found', { status: 404 });
    try {
      return new Response(await readFile(file), {
        headers: { 'content-type': mimeTypeOf(file), 'content-security-policy': contentSecurityPolicy },
      });
    } catch {
      return new Response('not found', { status: 404 });
    }
  });

  // dateline-media://media/<id>/<variant>: photos of the library, by the media route the web host uses too.
  protocol.handle(mediaScheme, (request) => mediaResponse(services.media, new URL(request.url).pathname, request.method));

  denyAllPermissions(session.defaultSession, devServerUrl);
  // The dev server's hot reload needs inline scripts; everything the packaged app loads gets the strict policy.
  if (!devServerUrl) enforceContentSecurityPolicy(session.defaultSession);

  Menu.setApplicationMenu(buildMenu());
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
}

function createWindow(): void {
  // Electronegativity cannot see options built by a function, so it reports them missing. windowOptions() sets
  // contextIsolation and sandbox, and every new window is denied (lockDownWebContents), so a middle click opens
  // none: securityChecklist.test.ts checks both.
  const window = new BrowserWindow(windowOptions(preloadPath)); // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK
  window.once('ready-to-show', () => window.show());
  window.loadURL(devServerUrl ?? `${appOrigin}/index.html`).catch((error: unknown) => log.error('the window could not load the app', error));
}

start().catch((error) => {
  console.error('Dateline could not start:', error);
  // There is no window yet to say it in: a library another process has open (DataFolderLock) names that process.
  dialog.showErrorBox('Dateline could not start', (error as Error).message);
  app.exit(1);
});
