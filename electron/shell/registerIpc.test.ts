import type { IpcMainInvokeEvent } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { methodNames } from '../../shared/api/contract';
import { ipcChannel } from '../../shared/api/ipcChannel';
import { makeTempDir } from '../../tests/support/tempDir';
import { recordingLogger } from '../../tests/support/quietLogger';
import { createHandlers } from '../api/createHandlers';
import { createServices } from '../services/createServices';
import { devServerUrlOf } from './appOrigin';
import { registerIpc } from './registerIpc';

type Listener = (event: IpcMainInvokeEvent, payload: unknown) => Promise<unknown>;

let dir: string;
let remove: () => Promise<void>;
let channels: Map<string, Listener>;
let log: ReturnType<typeof recordingLogger>;
let services: Awaited<ReturnType<typeof createServices>>;

beforeEach(async () => {
  ({ dir, remove } = await makeTempDir());
  log = recordingLogger();
  services = await createServices({ dataDir: dir, log });
  channels = new Map();
  // A stand-in for ipcMain that records the registrations, so they can be called as Electron would.
  registerIpc({ handle: (channel: string, listener: Listener) => void channels.set(channel, listener) } as never, createHandlers(services), log);
});
afterEach(async () => {
  await services.close();
  await remove();
});

const fromFrame = (url: string) => ({ senderFrame: { url } }) as unknown as IpcMainInvokeEvent;

describe('registerIpc', () => {
  it('registers exactly one channel per contract method', () => {
    expect([...channels.keys()].sort()).toEqual(methodNames.map(ipcChannel).sort());
  });

  it('runs a call from the app’s own frame', async () => {
    const result = await channels.get(ipcChannel('stories.create'))!(fromFrame('app://dateline/index.html'), { headline: 'Bài mới' });
    expect(result).toMatchObject({ ok: true, value: { headline: 'Bài mới', revision: 1 } });
  });

  it('refuses a call from any other frame, and logs it', async () => {
    for (const url of ['https://example.org/', 'file:///tmp/x.html', '']) {
      const result = await channels.get(ipcChannel('stories.list'))!(fromFrame(url), {});
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(log.lines.some((line) => line.includes('untrusted frame'))).toBe(true);
  });

  it('validates every payload before a handler sees it', async () => {
    const result = await channels.get(ipcChannel('stories.update'))!(fromFrame('app://dateline/'), { id: 5 });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('registerIpc and the dev server', () => {
  const dev = 'http://localhost:5173';
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env.ELECTRON_RENDERER_URL;
    // As an attacker could set it before starting the installed app.
    process.env.ELECTRON_RENDERER_URL = dev;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.ELECTRON_RENDERER_URL;
    else process.env.ELECTRON_RENDERER_URL = saved;
  });

  function register(devServerUrl: string | undefined): Map<string, Listener> {
    const registered = new Map<string, Listener>();
    registerIpc({ handle: (channel: string, listener: Listener) => void registered.set(channel, listener) } as never, createHandlers(services), log, devServerUrl);
    return registered;
  }

  it('refuses the dev server’s frames in a packaged app, whatever ELECTRON_RENDERER_URL says', async () => {
    expect(devServerUrlOf(true)).toBeUndefined();
    for (const registered of [register(devServerUrlOf(true)), register(undefined)]) {
      expect(await registered.get(ipcChannel('stories.list'))!(fromFrame(`${dev}/index.html`), {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await registered.get(ipcChannel('stories.list'))!(fromFrame('app://dateline/index.html'), {})).toMatchObject({ ok: true });
    }
  });

  it('answers the dev server’s frames when the app runs from its sources', async () => {
    expect(devServerUrlOf(false)).toBe(dev);
    expect(devServerUrlOf(false, {})).toBeUndefined();
    const registered = register(devServerUrlOf(false));
    expect(await registered.get(ipcChannel('stories.list'))!(fromFrame(`${dev}/index.html`), {})).toMatchObject({ ok: true });
    expect(await registered.get(ipcChannel('stories.list'))!(fromFrame('http://localhost:5174/'), {})).toMatchObject({ ok: false });
  });
});
