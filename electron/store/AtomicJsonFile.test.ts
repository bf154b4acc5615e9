import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../tests/support/tempDir';
import { AtomicJsonFile, CorruptFileError } from './AtomicJsonFile';
import type { FileSystem } from './fileSystem';

let dir: string;
let remove: () => Promise<void>;
beforeEach(async () => ({ dir, remove } = await makeTempDir()));
afterEach(() => remove());

describe('AtomicJsonFile', () => {
  it('reads back what it wrote, and null for a missing file', async () => {
    const file = new AtomicJsonFile<{ headline: string }>(join(dir, 'a.json'));
    expect(await file.read()).toBeNull();
    await file.write({ headline: 'Đường ven biển thông xe' });
    expect(await file.read()).toEqual({ headline: 'Đường ven biển thông xe' });
    expect(await fs.readdir(dir)).toEqual(['a.json']);
  });

  it('reports a file that is not JSON as corrupt', async () => {
    await fs.writeFile(join(dir, 'b.json'), '{"headline":');
    await expect(new AtomicJsonFile(join(dir, 'b.json')).read()).rejects.toBeInstanceOf(CorruptFileError);
  });

  it('leaves the original intact and no temp file behind when the disk fills up mid-write', async () => {
    const path = join(dir, 'c.json');
    await new AtomicJsonFile(path).write({ headline: 'Bản đã lưu' });
    const fullDisk: FileSystem = {
      ...fs,
      open: async (target, flags) => {
        const handle = await fs.open(target, flags);
        if (flags !== 'w') return handle;
        return Object.assign(Object.create(handle), {
          writeFile: async () => {
            throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
          },
          close: () => handle.close(),
        });
      },
    };
    await expect(new AtomicJsonFile(path, fullDisk).write({ headline: 'Bản mới' })).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(JSON.parse(await fs.readFile(path, 'utf8'))).toEqual({ headline: 'Bản đã lưu' });
    expect(await fs.readdir(dir)).toEqual(['c.json']);
  });
});

describe('AtomicJsonFile for speed', () => {
  it('writes compact ASCII, every other character escaped, and reads the same value back', async () => {
    const path = join(dir, 'index.json');
    const value = { stories: [{ headline: 'Đảng viên “gương mẫu” 😀', tags: ['Hạ Long'] }] };
    const file = new AtomicJsonFile<typeof value>(path, fs, { compact: true, asciiOnly: true });
    await file.write(value);
    const bytes = await fs.readFile(path);
    expect(bytes.every((byte) => byte < 0x80)).toBe(true);
    expect(bytes.toString()).not.toContain('\n');
    expect(await file.read()).toEqual(value);
    // An indented file with UTF-8 text reads the same way.
    await fs.writeFile(path, JSON.stringify(value, null, 1));
    expect(await file.read()).toEqual(value);
  });
});
