import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { findElectronBinary } from '../../scripts/electronBinary.mjs';
import { groupByNamespace } from '../../shared/api/apiShape';

const binary = findElectronBinary();

/** `window.dateline` as the contract says the preload exposes it: each namespace with its methods, sorted. */
const contractShape = Object.fromEntries(
  Object.entries(groupByNamespace(() => null))
    .map(([namespace, methods]) => [namespace, Object.keys(methods).sort()] as const)
    .sort(([a], [b]) => a.localeCompare(b)),
);

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
    // Taken from the contract, so it cannot go stale: it once expected three namespaces when the contract had nine.
    const exposed = await window.evaluate(() => {
      const bridge = (window as unknown as { dateline: Record<string, Record<string, unknown>> }).dateline;
      return Object.fromEntries(
        Object.entries(bridge)
          .map(([namespace, methods]) => [namespace, Object.keys(methods).sort()] as const)
          .sort(([a], [b]) => a.localeCompare(b)),
      );
    });
    expect(exposed).toEqual(contractShape);
    await window.getByRole('button', { name: 'Bài mới' }).click();
    await window.keyboard.type('Tin từ bản máy tính');
    await expect(window.locator('.save-state')).toHaveAttribute('data-state', 'saved');
  } finally {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
