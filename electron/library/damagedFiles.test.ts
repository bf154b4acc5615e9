import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LibraryProblemKind } from '../../shared/library/libraryProblem';
import { createHandlers } from '../api/createHandlers';
import { createServices, type Services } from '../services/createServices';
import { exiftoolVersion, makePhoto } from '../../tests/support/photoFixtures';
import { recordingLogger } from '../../tests/support/quietLogger';
import { makeTempDir } from '../../tests/support/tempDir';

// Every file the README lists under "The data folder", damaged each way a disk, a sync client or a careless hand
// damages a file. After each: the library opens, the damaged bytes are in quarantine/, what can be rebuilt is,
// and library.status tells the reporter.

const damages = ['truncated', 'garbled', 'empty', 'wrongShape', 'directory'] as const;
type Damage = (typeof damages)[number];

interface Seeded {
  storyId: string;
  otherId: string;
  photoId: string;
  versionCount: number;
  newestVersion: string;
}

interface Target {
  /** The file, inside the library. */
  file: (seed: Seeded) => string;
  kind: LibraryProblemKind;
  /** Damage that is no damage to this file (text appended to a log): nothing to move aside. */
  harmless?: Damage[];
  /** A file noticed when it is read, not at open: what a reporter does to read it. */
  touch?: (services: Services, seed: Seeded) => Promise<unknown>;
  /** What must hold after the open: rebuilt where it can be. */
  check: (services: Services, seed: Seeded, damage: Damage) => Promise<void>;
}

const headline = 'Đường ven biển Quảng Ninh thông xe';

const targets: Target[] = [
  {
    file: (s) => `stories/${s.storyId}.json`,
    kind: 'story',
    check: async (services, s) => {
      // Put back from its newest version in history.
      expect((await services.stories.get(s.storyId)).headline).toBe(headline);
    },
  },
  {
    file: () => 'index.json',
    kind: 'storyIndex',
    check: async (services, s) => expect(services.stories.list().items.map((i) => i.id)).toEqual(expect.arrayContaining([s.storyId, s.otherId])),
  },
  {
    file: () => 'index.journal',
    kind: 'storyIndex',
    // A journal cut short at a line's end, or empty, is one a crash can leave: it is read as it is.
    harmless: ['empty'],
    check: async (services, s) => expect(services.stories.list().items.map((i) => i.id)).toEqual(expect.arrayContaining([s.storyId, s.otherId])),
  },
  {
    file: () => 'search-index.bin',
    kind: 'searchIndex',
    check: async (services, s) => {
      await services.searchReady;
      expect(services.search.search('ven bien', { accept: () => true, limit: 10 }).hits.map((h) => h.id)).toContain(s.storyId);
    },
  },
  {
    file: () => 'media/index.json',
    kind: 'mediaIndex',
    check: async (services, s) => {
      const item = services.media.get(s.photoId);
      expect(item).toBeDefined();
      if (exiftoolVersion()) expect(item!.caption).toBe('Cầu Cửa Lục nhìn từ trên cao');
    },
  },
  {
    file: (s) => `media/${s.photoId}.jpg`,
    kind: 'photo',
    check: async (services, s) => expect(services.media.get(s.photoId)).toBeUndefined(),
  },
  {
    file: (s) => `media/derived/${s.photoId}-display.jpg`,
    kind: 'photo',
    check: async (services, s) => {
      const path = services.media.filePath(s.photoId, 'display')!.path;
      expect((await sharp(await readFile(path), { failOn: 'warning' }).metadata()).format).toBe('jpeg');
    },
  },
  {
    file: (s) => `history/${s.storyId}/versions.jsonl`,
    kind: 'history',
    touch: (services, s) => services.history.list(s.storyId),
    check: async (services, s) => expect((await services.history.list(s.storyId)).length).toBe(s.versionCount),
  },
  {
    file: (s) => `history/${s.storyId}/${s.newestVersion}.json`,
    kind: 'history',
    touch: (services, s) => services.history.get(s.storyId, s.newestVersion).catch(() => null),
    check: async (services, s) => {
      const listed = await services.history.list(s.storyId);
      expect(listed.map((v) => v.versionId)).not.toContain(s.newestVersion);
      expect(listed.length).toBe(s.versionCount - 1);
    },
  },
  {
    file: (s) => `recovery/${s.storyId}.json`,
    kind: 'recovery',
    check: async (services, s) => expect(await services.recovery.get(s.storyId)).toBeNull(),
  },
  {
    file: () => 'settings.json',
    kind: 'settings',
    check: async (services, _s, damage) => {
      // A file whose other settings still read keeps them; only the newsroom's own words are lost otherwise.
      if (damage === 'wrongShape') expect(services.settings.get().dictionary).toEqual(['Cửa Lục']);
      expect(services.settings.get().language).toMatch(/vi|en/);
    },
  },
  {
    file: () => 'outbox.json',
    kind: 'outbox',
    check: async (services) => expect(services.outbox.list()).toEqual([]),
  },
  {
    file: () => 'credentials.json',
    kind: 'credentials',
    check: async (services) => expect(services.credentials.hasPassword()).toBe(false),
  },
  {
    file: () => 'logs/dateline.log',
    kind: 'log',
    harmless: ['truncated', 'garbled', 'empty', 'wrongShape'],
    check: async () => undefined,
  },
];

/** Damages the file as asked, and returns what now stands there (to be found in quarantine/). */
async function damage(path: string, how: Damage): Promise<Buffer | 'directory'> {
  const original = await readFile(path);
  let bytes: Buffer;
  switch (how) {
    case 'truncated':
      bytes = original.subarray(0, Math.floor(original.length / 2));
      break;
    case 'garbled': {
      bytes = Buffer.from(original);
      const from = Math.floor(bytes.length / 3);
      for (let i = from; i < Math.min(bytes.length, from + Math.max(8, Math.floor(bytes.length / 3))); i++) bytes[i] = (i * 151 + 7) & 0xff;
      break;
    }
    case 'empty':
      bytes = Buffer.alloc(0);
      break;
    case 'wrongShape':
      bytes = Buffer.from(path.endsWith('settings.json') ? JSON.stringify({ categories: 5, dictionary: ['Cửa Lục'] }) : `${JSON.stringify({ hello: 'thế giới' })}\n`);
      break;
    case 'directory':
      await rm(path);
      await mkdir(path);
      await writeFile(join(path, 'left-inside.txt'), 'a folder where a file should be');
      return 'directory';
  }
  await writeFile(path, bytes);
  return bytes;
}

async function quarantined(dir: string): Promise<{ name: string; content: Buffer | 'directory' }[]> {
  const folder = join(dir, 'quarantine');
  const names = (await readdir(folder).catch(() => [] as string[])).filter((name) => !name.endsWith('.why.json') && name !== 'dismissed');
  return Promise.all(
    names.map(async (name) => ((await stat(join(folder, name))).isDirectory() ? { name, content: 'directory' as const } : { name, content: await readFile(join(folder, name)) })),
  );
}

describe('a damaged file Dateline owns', () => {
  let template: { dir: string; remove: () => Promise<void> };
  let seed: Seeded;

  beforeAll(async () => {
    template = await makeTempDir();
    const services = await createServices({ dataDir: template.dir, log: recordingLogger(), historyIntervalMs: 0 });
    const photoPath = await makePhoto(template.dir, 'cua-luc.jpg', {
      uniqueBy: 'damaged-files',
      exiftoolArgs: exiftoolVersion() ? ['-IPTC:Caption-Abstract=Cầu Cửa Lục nhìn từ trên cao', '-IPTC:By-line=Thu Hằng', '-charset', 'iptc=UTF8', '-IPTC:CodedCharacterSet=UTF8'] : [],
    });
    const photo = await services.media.import('cua-luc.jpg', await readFile(photoPath));
    await rm(photoPath);
    let story = await services.stories.create({ headline: 'Bản nháp' });
    story = await services.stories.update(story.id, story.revision, { headline, sapo: 'Sáng nay, tuyến đường ven biển nối Hạ Long với Cẩm Phả chính thức thông xe.' });
    story = await services.stories.update(story.id, story.revision, {
      body: {
        type: 'doc',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'Tuyến đường dài 25 km, đi qua cầu Cửa Lục.' }] },
          { type: 'figure', attrs: { mediaId: photo.id, alt: '', credit: 'Thu Hằng' }, content: [{ type: 'text', text: 'Cầu Cửa Lục' }] },
        ],
      },
    });
    const other = await services.stories.create({ headline: 'Tin khác trong thư viện' });
    await services.recovery.save(story.id, { baseRevision: story.revision, changes: { headline: `${headline} sáng nay` } });
    await services.settings.update({ dictionary: ['Cửa Lục'], categories: ['Thời sự', 'Quảng Ninh'] });
    await services.history.idle();
    const versions = await services.history.list(story.id);
    await services.close();
    await mkdir(join(template.dir, 'logs'), { recursive: true });
    await writeFile(join(template.dir, 'logs', 'dateline.log'), '2026-12-04T08:00:00.000Z info library opened\n');
    await writeFile(join(template.dir, 'outbox.json'), JSON.stringify({ schemaVersion: 1, jobs: [], remote: {} }));
    await writeFile(join(template.dir, 'credentials.json'), `${JSON.stringify({ wordpress: Buffer.from('không đọc được ở đây').toString('base64') })}\n`);
    // A journal with lines in it, so cutting or scrambling it damages a line.
    const again = await createServices({ dataDir: template.dir, log: recordingLogger(), historyIntervalMs: 0 });
    await again.stories.update(other.id, other.revision, { sapo: 'Một dòng nữa trong nhật ký chỉ mục.' });
    await again.history.idle();
    await again.close();
    seed = { storyId: story.id, otherId: other.id, photoId: photo.id, versionCount: versions.length, newestVersion: versions[0]!.versionId };
    expect(versions.length).toBeGreaterThanOrEqual(2);
  }, 60_000);

  afterAll(() => template.remove());

  for (const target of targets) {
    for (const how of damages) {
      it(`${target.kind}: ${target.file({ storyId: '<id>', otherId: '', photoId: '<photo>', versionCount: 0, newestVersion: '<version>' })} ${how}`, async () => {
        const { dir, remove } = await makeTempDir();
        try {
          await cp(template.dir, dir, { recursive: true });
          const file = target.file(seed);
          const left = await damage(join(dir, file), how);
          const log = recordingLogger();
          const services = await createServices({ dataDir: dir, log });
          try {
            await target.touch?.(services, seed);
            await target.check(services, seed, how);
            // Every other story still opens.
            expect((await services.stories.get(seed.otherId)).headline).toBe('Tin khác trong thư viện');
            const status = await createHandlers(services)['library.status']({});
            if (target.harmless?.includes(how)) {
              expect(status.quarantined).toEqual([]);
              return;
            }
            // The damaged bytes are kept, exactly as they were.
            const kept = await quarantined(dir);
            expect(kept.some((entry) => (left === 'directory' ? entry.content === 'directory' : Buffer.isBuffer(entry.content) && entry.content.equals(left)))).toBe(true);
            // The reporter is told, naming the file and what it was.
            expect(status.quarantined).toEqual(expect.arrayContaining([expect.objectContaining({ file, kind: target.kind })]));
          } finally {
            await services.close();
          }
          // Told again after a restart, until dismissed; then the files stay in quarantine/dismissed/.
          if (target.harmless?.includes(how)) return;
          const reopened = await createServices({ dataDir: dir, log });
          try {
            const handlers = createHandlers(reopened);
            expect((await handlers['library.status']({})).quarantined.map((p) => p.file)).toContain(file);
            expect((await handlers['library.dismiss']({})).quarantined).toEqual([]);
            expect((await readdir(join(dir, 'quarantine', 'dismissed'))).length).toBeGreaterThan(0);
          } finally {
            await reopened.close();
          }
          const third = await createServices({ dataDir: dir, log });
          try {
            expect((await createHandlers(third)['library.status']({})).quarantined).toEqual([]);
          } finally {
            await third.close();
          }
        } finally {
          await remove();
        }
      });
    }
  }
});
