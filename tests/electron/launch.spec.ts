import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { findElectronBinary } from '../../scripts/electronBinary.mjs';

const binary = findElectronBinary();

test('the desktop app opens the library in a locked-down window', async () => {
  test.skip(!binary.path, `Electron cannot run here: ${binary.reason}`);
  const dataDir = await mkdtemp(join(tmpdir(), 'dateline-electron-'));
  const app = await electron.launch({
    executablePath: binary.path,
    args: ['.', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    env: { ...process.env, DATELINE_DATA_DIR: dataDir },
  });
  try {
    const window = await app.firstWindow();
    await expect(window.getByRole('button', { name: /Chào mừng đến với Dateline/ })).toBeVisible();
    expect(window.url()).toBe('app://dateline/index.html');
    expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await window.evaluate(() => Object.keys((window as unknown as { dateline: object }).dateline).sort())).toEqual(['library', 'settings', 'stories']);
    await window.getByRole('button', { name: 'Bài mới' }).click();
    await window.keyboard.type('Tin từ bản máy tính');
    await expect(window.locator('.save-state')).toHaveAttribute('data-state', 'saved');
  } finally {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
