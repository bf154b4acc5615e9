import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { importCycles } from '../../scripts/importCycles.mjs';
import { makeTempDir } from '../support/tempDir';

// No file of the main process imports, through any chain, a file that imports it back: the api <-> backup cycle
// (a type import of the handler table) was the only one, and it is gone.

it('finds no import cycle in the main process', () => {
  const { files, cycles } = importCycles(['electron']);
  expect(files).toBeGreaterThan(100);
  expect(cycles).toEqual([]);
});

it('finds a planted cycle, through a type-only import too', async () => {
  const { dir, remove } = await makeTempDir('dateline-cycles-');
  try {
    await mkdir(join(dir, 'api'));
    await mkdir(join(dir, 'backup'));
    await writeFile(join(dir, 'api', 'handlers.ts'), "import { restore } from '../backup/restore';\nexport type Handlers = { restore: typeof restore };\n");
    await writeFile(join(dir, 'backup', 'restore.ts'), "import type { Handlers } from '../api/handlers';\nexport const restore = (handlers: Handlers) => handlers;\n");
    await writeFile(join(dir, 'backup', 'alone.ts'), "import { restore } from './restore';\nexport const again = restore;\n");
    expect(importCycles(['api', 'backup'], dir).cycles).toEqual([[join('api', 'handlers.ts'), join('backup', 'restore.ts')]]);
  } finally {
    await remove();
  }
});
