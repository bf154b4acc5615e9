import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../tests/support/tempDir';
import { openBrowser } from './openBrowser';

const url = 'http://127.0.0.1:5199/?token=abc123';
let dir: string;
let remove: () => Promise<void>;
beforeEach(async () => ({ dir, remove } = await makeTempDir('dateline-browser-')));
afterEach(() => remove());

/** A stand-in browser: a real program that writes the arguments it was given to a file and exits with `code`. */
async function fakeBrowser(name: string, code = 0): Promise<{ path: string; seen: () => Promise<string> }> {
  const path = join(dir, name);
  const log = join(dir, `${name}.log`);
  await writeFile(path, `#!/bin/sh\necho "$@" > '${log}'\nexit ${code}\n`);
  await chmod(path, 0o755);
  return { path, seen: () => readFile(log, 'utf8').then((text) => text.trim()) };
}

describe.skipIf(process.platform === 'win32')('opening the address in a browser', () => {
  it('says that no opener exists on a machine without one, naming what it tried', async () => {
    const result = await openBrowser(url, { platform: 'linux', env: { PATH: dir, DISPLAY: ':99' } });
    expect(result).toEqual({ opened: false, reason: 'xdg-open was not found' });
  });

  it('says that there is no display on a machine without one', async () => {
    const result = await openBrowser(url, { platform: 'linux', env: { PATH: dir } });
    expect(result).toEqual({ opened: false, reason: 'there is no graphical display (neither DISPLAY nor WAYLAND_DISPLAY is set)' });
  });

  it('counts an opener that fails as not opened', async () => {
    const broken = await fakeBrowser('xdg-open', 3);
    const result = await openBrowser(url, { platform: 'linux', env: { PATH: dir, DISPLAY: ':99' } });
    expect(result).toEqual({ opened: false, reason: 'xdg-open failed (exit code 3)' });
    expect(await broken.seen()).toBe(url);
  });

  it('opens with the browsers $BROWSER names, in order, with %s standing for the address', async () => {
    const missing = join(dir, 'no-such-browser');
    const failing = await fakeBrowser('failing-browser', 1);
    const working = await fakeBrowser('working-browser');
    const result = await openBrowser(url, { platform: 'linux', env: { PATH: dir, BROWSER: `${missing}:${failing.path}:${working.path} --new-tab %s` } });
    expect(result).toEqual({ opened: true, via: working.path });
    expect(await failing.seen()).toBe(url);
    expect(await working.seen()).toBe(`--new-tab ${url}`);
  });

  it('takes a browser that stays open as having opened the page', async () => {
    const path = join(dir, 'lingering-browser');
    await writeFile(path, '#!/bin/sh\nexec sleep 10\n');
    await chmod(path, 0o755);
    const result = await openBrowser(url, { platform: 'linux', env: { PATH: '/usr/bin:/bin', BROWSER: path }, settleMs: 200 });
    expect(result).toEqual({ opened: true, via: path });
  });
});
