import type { WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { appOrigin } from './appOrigin';
import { lockDownWebContents } from './lockDown';

/**
 * A stand-in WebContents that fires navigation events shaped as Electron 45 sends them: an event carrying the
 * details (`url`, `isMainFrame`) and `preventDefault`, and for will-navigate and will-redirect the URL again as
 * the (deprecated) second argument.
 */
function standInContents(devServerUrl?: string) {
  const listeners = new Map<string, (...args: unknown[]) => void>();
  const contents = {
    on(name: string, listener: (...args: unknown[]) => void) {
      listeners.set(name, listener);
      return contents;
    },
    setWindowOpenHandler: () => undefined,
  };
  lockDownWebContents(contents as unknown as WebContents, async () => undefined, undefined, devServerUrl);
  /** Whether the navigation was prevented. */
  return (name: string, url: string, isMainFrame = true): boolean => {
    const listener = listeners.get(name);
    if (!listener) throw new Error(`no ${name} listener`);
    const event = { url, isMainFrame, isSameDocument: false, frame: null, defaultPrevented: false, preventDefault: () => void (event.defaultPrevented = true) };
    if (name === 'will-frame-navigate') listener(event);
    else listener(event, url, false, isMainFrame, 1, 1);
    return event.defaultPrevented;
  };
}

const foreign = ['https://example.org/', 'http://127.0.0.1:5199/?token=t', 'file:///etc/passwd', 'app://evil/index.html', 'javascript:alert(1)', 'data:text/html,x', 'about:blank', ''];
const own = [`${appOrigin}/index.html`, `${appOrigin}/index.html#/stories/abc`];

describe('lockDownWebContents', () => {
  it('prevents a server redirect to any foreign URL, and lets the app’s own through', () => {
    const fire = standInContents();
    for (const url of foreign) expect(fire('will-redirect', url), url).toBe(true);
    for (const url of own) expect(fire('will-redirect', url), url).toBe(false);
  });

  it('prevents any frame, main or sub, from navigating to a foreign URL', () => {
    const fire = standInContents();
    for (const isMainFrame of [true, false]) {
      for (const url of foreign) expect(fire('will-frame-navigate', url, isMainFrame), `${url} main=${isMainFrame}`).toBe(true);
      for (const url of own) expect(fire('will-frame-navigate', url, isMainFrame), url).toBe(false);
    }
  });

  it('lets the dev server’s pages through only when it is given one', () => {
    const dev = 'http://localhost:5173';
    for (const name of ['will-navigate', 'will-redirect', 'will-frame-navigate']) {
      expect(standInContents()(name, `${dev}/index.html`), name).toBe(true);
      expect(standInContents(dev)(name, `${dev}/index.html`), name).toBe(false);
      expect(standInContents(dev)(name, 'https://example.org/'), name).toBe(true);
    }
  });
});
