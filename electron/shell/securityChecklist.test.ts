import type { IpcMainInvokeEvent, Session, WebContents } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { methodNames } from '../../shared/api/contract';
import { ipcChannel } from '../../shared/api/ipcChannel';
import { makeTempDir } from '../../tests/support/tempDir';
import { recordingLogger } from '../../tests/support/quietLogger';
import { createHandlers } from '../api/createHandlers';
import { contentSecurityPolicy } from '../security/contentSecurityPolicy';
import { createServices } from '../services/createServices';
import { appOrigin, appScheme } from './appOrigin';
import { denyAllPermissions, enforceContentSecurityPolicy, lockDownWebContents } from './lockDown';
import { registerIpc } from './registerIpc';
import { windowOptions } from './windowOptions';

// Electron's security checklist (https://www.electronjs.org/docs/latest/tutorial/security), one `it` per item
// that code can show, run on the real functions main.ts wires up, with stand-ins for Electron's objects. Two
// items are not code: "use a current version of Electron" (a dependency update) and "check which fuses you can
// change" (packaging). The scan of `npm run lint` (scripts/electronegativity.mjs) covers the same ground
// statically.

// The preload runs at import time; a stand-in `electron` records what it exposes to the page.
const bridge = vi.hoisted(() => ({ exposed: new Map<string, unknown>(), invoked: [] as [string, unknown][] }));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => void bridge.exposed.set(key, api) },
  ipcRenderer: {
    invoke: async (channel: string, input: unknown) => void bridge.invoked.push([channel, input]),
    send: () => {
      throw new Error('the preload must not use send');
    },
    sendSync: () => {
      throw new Error('the preload must not use sendSync');
    },
  },
}));

const prefs = windowOptions('/app/preload.cjs').webPreferences!;

/** Foreign pages a story, a paste or a redirect could try to send the window to. */
const foreignUrls = [
  'https://example.org/',
  'http://127.0.0.1:5199/?token=t',
  'file:///etc/passwd',
  'app://evil/index.html',
  'app://dateline.evil.example/index.html',
  'app://dateline@evil.example/index.html',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'blob:https://example.org/1',
  'dateline-media://media/abc/original',
  'chrome://settings',
  'about:blank',
  '',
];

/** A stand-in WebContents that keeps its listeners and window-open handler so the test can fire them. */
function standInContents() {
  const listeners = new Map<string, (...args: unknown[]) => void>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on(event: string, listener: (...args: unknown[]) => void) {
      listeners.set(event, listener);
      return contents;
    },
    setWindowOpenHandler(handler: typeof openHandler) {
      openHandler = handler;
    },
  };
  const fire = (name: string, ...args: unknown[]) => {
    const event = { defaultPrevented: false, preventDefault: () => void (event.defaultPrevented = true) };
    const listener = listeners.get(name);
    if (!listener) throw new Error(`no ${name} listener`);
    listener(event, ...args);
    return event.defaultPrevented;
  };
  const open = (url: string) => {
    if (!openHandler) throw new Error('no window open handler');
    return openHandler({ url, frameName: '', features: '', disposition: 'foreground-tab', referrer: { url: '', policy: 'default' } } as never);
  };
  return { contents: contents as unknown as WebContents, fire, open };
}

function lockedDownContents() {
  const inBrowser: string[] = [];
  const standIn = standInContents();
  // As main.ts calls it (but for the print view): the app's own origin only (no dev server in these tests).
  lockDownWebContents(standIn.contents, async (url) => void inBrowser.push(url));
  return { ...standIn, inBrowser };
}

let savedDevServer: string | undefined;
beforeEach(() => {
  savedDevServer = process.env.ELECTRON_RENDERER_URL;
  delete process.env.ELECTRON_RENDERER_URL;
});
afterEach(() => {
  if (savedDevServer !== undefined) process.env.ELECTRON_RENDERER_URL = savedDevServer;
});

/** The policy as a map from directive to its sources. */
const directives = new Map(
  contentSecurityPolicy
    .split(';')
    .map((d) => d.trim().split(/\s+/))
    .filter((parts) => parts[0])
    .map(([name, ...sources]) => [name!, sources]),
);

describe('Electron security checklist', () => {
  it('1. Only load secure content: the window loads the app’s own scheme, never http: or file:', () => {
    expect(appScheme).not.toMatch(/^(https?|file)$/);
    expect(appOrigin).toBe('app://dateline');
    for (const sources of directives.values()) {
      for (const source of sources) expect(source, 'no plain http or ws source').not.toMatch(/^(http|ws):/i);
    }
  });

  it('2. Do not enable Node.js integration for remote content', () => {
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('3. Enable context isolation', () => {
    expect(prefs.contextIsolation).toBe(true);
  });

  it('3. (context isolation) The preload exposes exactly the contract’s methods, never ipcRenderer or a generic send', async () => {
    await import('./preload');
    expect([...bridge.exposed.keys()]).toEqual(['dateline']);
    const api = bridge.exposed.get('dateline') as Record<string, Record<string, unknown>>;
    const exposed = Object.entries(api).flatMap(([namespace, fns]) =>
      Object.entries(fns).map(([name, fn]) => {
        expect(typeof fn, `${namespace}.${name}`).toBe('function');
        return `${namespace}.${name}`;
      }),
    );
    expect(exposed.sort()).toEqual([...methodNames].sort());
    await (api.stories!.list as (input: unknown) => Promise<unknown>)({});
    expect(bridge.invoked).toEqual([[ipcChannel('stories.list'), {}]]);
  });

  it('4. Enable process sandboxing', () => {
    expect(prefs.sandbox).toBe(true);
  });

  it('5. Handle session permission requests from remote content: every request and check is denied, but the app’s own notifications', () => {
    let requestHandler: ((contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void) | undefined;
    let checkHandler: ((...args: unknown[]) => boolean) | undefined;
    const session = {
      setPermissionRequestHandler: (handler: typeof requestHandler) => void (requestHandler = handler),
      setPermissionCheckHandler: (handler: typeof checkHandler) => void (checkHandler = handler),
    } as unknown as Session;
    denyAllPermissions(session);
    const request = (permission: string, url: string) => {
      const answers: boolean[] = [];
      requestHandler!({}, permission, (granted) => answers.push(granted), { requestingUrl: url });
      return answers;
    };
    for (const permission of ['media', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen', 'pointerLock', 'unknown']) {
      expect(request(permission, `${appOrigin}/index.html`), permission).toEqual([false]);
      expect(checkHandler!({}, permission, `${appOrigin}`, {}), permission).toBe(false);
    }
    // Deadline reminders go through the OS: the app's pages may notify, nothing else may.
    expect(request('notifications', `${appOrigin}/index.html`)).toEqual([true]);
    expect(checkHandler!({}, 'notifications', appOrigin, {})).toBe(true);
    for (const url of ['https://example.com/', 'file:///etc/passwd', 'not a url']) {
      expect(request('notifications', url), url).toEqual([false]);
      expect(checkHandler!({}, 'notifications', url, {}), url).toBe(false);
    }
  });

  it('6. Do not disable webSecurity', () => {
    expect(prefs.webSecurity).not.toBe(false);
  });

  it('7. Define a Content Security Policy: default-src none, no unsafe-eval or inline script, no remote origin', () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(contentSecurityPolicy).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval|unsafe-hashes|strict-dynamic/);
    const localSchemes = new Set(["'self'", "'none'", 'data:', 'blob:', 'dateline-media:']);
    for (const [name, sources] of directives) {
      for (const source of sources) expect(localSchemes.has(source), `${name} ${source} is a remote origin`).toBe(true);
    }
  });

  it('7. (CSP) Every response in the session gets the policy, replacing whatever the response sent', () => {
    let listener: ((details: { responseHeaders?: Record<string, string[]> }, callback: (response: unknown) => void) => void) | undefined;
    const session = { webRequest: { onHeadersReceived: (l: typeof listener) => void (listener = l) } } as unknown as Session;
    enforceContentSecurityPolicy(session);
    const answers: { responseHeaders: Record<string, string[]> }[] = [];
    const laxResponse = { responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': ["default-src *; script-src 'unsafe-eval'"] } };
    listener!(laxResponse, (r) => answers.push(r as never));
    expect(answers).toHaveLength(1);
    expect(answers[0]!.responseHeaders['Content-Security-Policy']).toEqual([contentSecurityPolicy]);
    expect(answers[0]!.responseHeaders['Content-Type']).toEqual(['text/html']);
  });

  it('8. Do not enable allowRunningInsecureContent', () => {
    expect(prefs.allowRunningInsecureContent).toBe(false);
  });

  it('9. Do not enable experimental features', () => {
    expect(prefs.experimentalFeatures).toBe(false);
  });

  it('10. Do not use enableBlinkFeatures', () => {
    expect(prefs.enableBlinkFeatures).toBeUndefined();
  });

  it('11. <webview>: Do not use allowpopups: the webview tag is off', () => {
    expect(prefs.webviewTag).toBe(false);
  });

  it('12. <webview>: Verify options and params: attaching any webview is prevented', () => {
    const { fire } = lockedDownContents();
    expect(fire('will-attach-webview', { preload: '/evil.js', nodeIntegration: true }, { src: 'https://example.org/' })).toBe(true);
  });

  it('13. Disable or limit navigation: will-navigate is prevented for every foreign URL, allowed for the app’s own pages', () => {
    const { fire } = lockedDownContents();
    for (const url of foreignUrls) expect(fire('will-navigate', url), url).toBe(true);
    for (const url of [`${appOrigin}/index.html`, `${appOrigin}/`, `${appOrigin}/index.html#/stories/abc`]) expect(fire('will-navigate', url), url).toBe(false);
    expect(prefs.navigateOnDragDrop, 'a file dropped on the window does not navigate to it').toBe(false);
  });

  it('14. Disable or limit the creation of new windows: the window open handler denies every URL', () => {
    const { open } = lockedDownContents();
    for (const url of [...foreignUrls, `${appOrigin}/index.html`]) expect(open(url), url).toEqual({ action: 'deny' });
  });

  it('15. Do not use shell.openExternal with untrusted content: only http and https links reach the browser', () => {
    const { open, inBrowser } = lockedDownContents();
    for (const url of [...foreignUrls, 'smb://host/share', 'ms-msdt:/id', 'vscode://x', ' https://example.org/', 'mailto:a@b.c']) open(url);
    expect(inBrowser).toEqual(['https://example.org/', 'http://127.0.0.1:5199/?token=t']);
    for (const url of inBrowser) expect(url).toMatch(/^https?:\/\//);
  });

  describe('17. Validate the sender of all IPC messages', () => {
    let remove: () => Promise<void>;
    let services: Awaited<ReturnType<typeof createServices>>;
    let log: ReturnType<typeof recordingLogger>;
    const channels = new Map<string, (event: IpcMainInvokeEvent, payload: unknown) => Promise<unknown>>();
    const fromFrame = (url: string | undefined) => ({ senderFrame: url === undefined ? null : { url } }) as unknown as IpcMainInvokeEvent;

    beforeEach(async () => {
      let dir: string;
      ({ dir, remove } = await makeTempDir());
      log = recordingLogger();
      services = await createServices({ dataDir: dir, log });
      channels.clear();
      registerIpc({ handle: (channel: string, listener: never) => void channels.set(channel, listener) } as never, createHandlers(services), log);
    });
    afterEach(async () => {
      await services.close();
      await remove();
    });

    it('17. A call from a foreign frame (or one with no frame) is refused on every channel, and logged', async () => {
      expect(channels.size).toBe(methodNames.length);
      for (const [channel, listener] of channels) {
        for (const url of [...foreignUrls, undefined]) {
          expect(await listener(fromFrame(url), {}), `${channel} from ${url}`).toMatchObject({ ok: false, error: { code: 'forbidden' } });
        }
      }
      expect(log.lines.filter((line) => line.includes('untrusted frame'))).toHaveLength(methodNames.length * (foreignUrls.length + 1));
    });

    it('17. A call from the app’s own frame is answered', async () => {
      expect(await channels.get(ipcChannel('stories.list'))!(fromFrame(`${appOrigin}/index.html`), {})).toMatchObject({ ok: true });
    });
  });

  it('18. Avoid the file:// protocol: the app has its own scheme and never navigates to a file URL (item 17 refuses its IPC)', () => {
    const { fire } = lockedDownContents();
    expect(fire('will-navigate', 'file:///app/out/renderer/index.html')).toBe(true);
    expect(appScheme).not.toBe('file');
  });
});
