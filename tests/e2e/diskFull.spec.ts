import { execFileSync } from 'node:child_process';
import { open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, storyPage, test, textOf, waitUntilSaved, writeNewStory } from './webHostFixture';

// The data folder is a real 4 MB tmpfs, mounted over the folder the host is given: the disk fills and turns
// read-only for real. Where mounting is not allowed (no root), the test says so and skips; the same failures
// are covered by injected faults in the unit tests (AutosaveController, AtomicJsonFile, StoryStore).
let mountedAt: string | null = null;
let whyNot = '';

test.use({
  seedDataDir: async ({}, use) =>
    use(async (dataDir: string) => {
      try {
        execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', dataDir], { stdio: 'pipe' });
        mountedAt = dataDir;
      } catch (error) {
        whyNot = String((error as { stderr?: Buffer }).stderr ?? (error as Error).message).trim();
      }
    }),
});

test.afterEach(() => {
  // Lazily: the host may still hold files open on it; the fixture removes the folder afterwards.
  if (mountedAt) execFileSync('umount', ['-l', mountedAt]);
  mountedAt = null;
});

/** Writes filler until the disk refuses, as a camera's card dump or a big download would. */
async function fillDisk(path: string): Promise<void> {
  const handle = await open(path, 'w');
  const chunk = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) await handle.write(chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    await handle.close();
  }
}

test('a full disk, then a read-only one: the reporter is told, keeps typing, and every word is saved once the disk recovers', async ({ page, host }) => {
  test.skip(mountedAt === null, `cannot mount a tmpfs here: ${whyNot}`);
  const dataDir = mountedAt!;
  const onDisk = async () => textOf((await host.storiesOnDisk()).find((s) => s.headline === 'Bài viết khi ổ đĩa đầy')!.body);

  await writeNewStory(page, host, 'Bài viết khi ổ đĩa đầy');
  await page.keyboard.type('Đoạn đầu đã lưu.');
  await waitUntilSaved(page);

  const filler = join(dataDir, 'filler.bin');
  await fillDisk(filler);
  await page.keyboard.type(' Câu viết khi ổ đầy.');
  const alert = page.locator('.save-state[data-state="failed"]');
  await expect(alert).toContainText('Không lưu được: ổ đĩa đầy');
  await expect(alert).toContainText('Bài vẫn còn nguyên trong trình soạn thảo');
  await expect(storyPage(page).bodyText.first()).toHaveText('Đoạn đầu đã lưu. Câu viết khi ổ đầy.');
  expect(await onDisk()).toBe('Đoạn đầu đã lưu.');
  await page.screenshot({ path: 'test-results/disk-full.png' });

  // Space comes back; nobody clicks Retry.
  await rm(filler);
  await waitUntilSaved(page);
  expect(await onDisk()).toBe('Đoạn đầu đã lưu. Câu viết khi ổ đầy.');

  // Read-only: a read-only bind of the folder over itself (a plain remount is refused while files are open).
  execFileSync('mount', ['--bind', dataDir, dataDir]);
  execFileSync('mount', ['-o', 'remount,bind,ro', dataDir]);
  await page.keyboard.type(' Câu viết khi chỉ đọc.');
  await expect(alert).toContainText('chỉ đọc');
  execFileSync('umount', [dataDir]);
  await waitUntilSaved(page);
  expect(await onDisk()).toBe('Đoạn đầu đã lưu. Câu viết khi ổ đầy. Câu viết khi chỉ đọc.');
});
