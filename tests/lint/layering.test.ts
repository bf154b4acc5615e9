import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// The layers are kept by eslint.config.js. Each case plants one import in a file of one folder and asks the real
// config what it says: every wrong direction is refused, and the right ones pass.

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd() });
});

/** The messages of the layering rules for `source` linted as if it were the file at `filePath`. */
async function layeringErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport const planted = 1;\n`, { filePath });
  return result!.messages.filter((m) => m.ruleId?.endsWith('no-restricted-imports')).map((m) => m.message);
}

const refused: [string, string, RegExp][] = [
  // A service folder never imports the binding, the composition root or a transport.
  ['electron/backup/planted.ts', "import type { Handlers } from '../api/createHandlers';", /service folder never imports/],
  ['electron/media/planted.ts', "import { createServices } from '../services/createServices';", /service folder never imports/],
  ['electron/publish/planted.ts', "import { WebHost } from '../webhost/WebHost';", /service folder never imports/],
  ['electron/library/planted.ts', "import { registerIpc } from '../shell/registerIpc';", /service folder never imports/],
  ['electron/store/migrations/planted.ts', "import { dispatch } from '../../api/dispatch';", /service folder never imports/],
  ['electron/http/planted.ts', "import { WebHost } from '../webhost/WebHost';", /service folder never imports/],
  // The outer folders import one another downwards only: transports -> api -> services.
  ['electron/services/planted.ts', "import { createHandlers } from '../api/createHandlers';", /composition root/],
  ['electron/api/planted.ts', "import { WebHost } from '../webhost/WebHost';", /imports neither/],
  ['electron/api/planted.ts', "import { registerIpc } from '../shell/registerIpc';", /imports neither/],
  ['electron/shell/planted.ts', "import { serveStatic } from '../webhost/serveStatic';", /neither imports the other/],
  ['electron/webhost/planted.ts', "import { appOrigin } from '../shell/appOrigin';", /neither imports the other/],
  // The layers of the app.
  ['shared/story/planted.ts', "import { StoryStore } from '../../electron/store/StoryStore';", /shared\/ is pure/],
  ['renderer/library/planted.ts', "import { StoryStore } from '../../electron/store/StoryStore';", /renderer reaches the main process only/],
  ['electron/store/planted.ts', "import { api } from '../../renderer/api/datelineApi';", /no main-process code imports the renderer/],
  ['electron/store/planted.ts', "import { app } from 'electron';", /Only electron\/shell\/ may import electron/],
];

const allowed: [string, string][] = [
  ['electron/shell/planted.ts', "import { createHandlers } from '../api/createHandlers';\nimport { createServices } from '../services/createServices';\nimport { mimeTypeOf } from '../http/mimeTypes';"],
  ['electron/webhost/planted.ts', "import { dispatch } from '../api/dispatch';\nimport type { Services } from '../services/createServices';"],
  ['electron/api/planted.ts', "import type { Services } from '../services/createServices';\nimport { storageError } from '../store/storageError';"],
  ['electron/services/planted.ts', "import { Library } from '../library/Library';\nimport { StoryStore } from '../store/StoryStore';"],
  // shared/api/ is not electron/api/.
  ['electron/backup/planted.ts', "import { contract } from '../../shared/api/contract';\nimport { StoryStore } from '../store/StoryStore';"],
  // A test beside a service may drive the whole app, as tests/ does.
  ['electron/backup/planted.test.ts', "import { createHandlers } from '../api/createHandlers';\nimport { createServices } from '../services/createServices';"],
];

describe('the import layers', () => {
  it.each(refused)('refuses, in %s: %s', async (filePath, source, message) => {
    const errors = await layeringErrors(filePath, source);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(message);
  });

  it.each(allowed)('allows, in %s: %s', async (filePath, source) => {
    expect(await layeringErrors(filePath, source)).toEqual([]);
  });
});
