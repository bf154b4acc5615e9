import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import type { ApiCall } from '../support/publishableStory';

export interface RunningHost {
  url: string;
  port: number;
  dataDir: string;
  /** Stops the host process, as a crash or a closed laptop lid would. */
  stop: () => Promise<void>;
  /** Starts it again on the same port and data folder, with these extra arguments (`--rotate-token`); `url` follows. */
  start: (args?: string[]) => Promise<void>;
  /** Every story file on disk, parsed. */
  storiesOnDisk: () => Promise<Record<string, unknown>[]>;
  /** Calls the API over HTTP as the page does, for setting up what a test is not about; a refusal throws. */
  api: ApiCall;
}

/**
 * Runs the built web host (`out/main/webhost.js`) as its own process, exactly as `npm run web` does. With a null
 * token, DATELINE_WEB_TOKEN is not set and the host uses the token kept in its data folder.
 */
async function launch(dataDir: string, port: number, env: Record<string, string>, token: string | null, args: string[] = []): Promise<{ child: ChildProcess; url: string; port: number }> {
  const { DATELINE_WEB_TOKEN: _inherited, ...inherited } = process.env;
  const child = spawn(process.execPath, ['out/main/webhost.js', '--port', String(port), '--data', dataDir, ...args], {
    // Every answer is checked against the contract (see dispatch), whatever the environment the tests run in.
    env: { ...inherited, DATELINE_CHECK_OUTPUTS: '1', ...env, ...(token === null ? {} : { DATELINE_WEB_TOKEN: token }) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host did not start: ${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Dateline web host: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`web host exited with ${code}: ${output}`)));
  });
  return { child, url, port: Number(new URL(url).port) };
}

export const test = base.extend<{ host: RunningHost; seedDataDir: (dataDir: string) => Promise<void>; hostEnv: Record<string, string>; hostToken: string | null }>({
  seedDataDir: [async ({}, use) => use(async () => undefined), { option: true }],
  /** Extra environment for the host process, e.g. the DATELINE_WP_* variables that name a WordPress site. */
  hostEnv: [{}, { option: true }],
  /** The host's DATELINE_WEB_TOKEN; null leaves it unset, so the token kept in the data folder is used. */
  hostToken: ['e2e-token', { option: true }],
  host: async ({ seedDataDir, hostEnv, hostToken, context }, use, testInfo) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'dateline-e2e-'));
    await seedDataDir(dataDir);
    let running = await launch(dataDir, 0, hostEnv, hostToken);
    const host: RunningHost = {
      url: running.url,
      port: running.port,
      dataDir,
      stop: async () => {
        if (running.child.exitCode !== null) return;
        const exited = new Promise((resolve) => running.child.once('exit', resolve));
        running.child.kill('SIGKILL');
        await exited;
      },
      start: async (args) => {
        running = await launch(dataDir, host.port, hostEnv, hostToken, args);
        host.url = running.url;
      },
      storiesOnDisk: async () => {
        const folder = join(dataDir, 'stories');
        const names = (await readdir(folder)).filter((name) => name.endsWith('.json'));
        return Promise.all(names.map(async (name) => JSON.parse(await readFile(join(folder, name), 'utf8'))));
      },
      api: (async (method: string, input: unknown) => {
        const response = await fetch(`${new URL(host.url).origin}/api/${method}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${new URL(host.url).searchParams.get('token')}`, 'content-type': 'application/json' },
          body: JSON.stringify(input),
        });
        const answer = (await response.json()) as { error?: { code: string; message: string } };
        if (!response.ok) throw new Error(`${method}: ${answer.error?.code} ${answer.error?.message}`);
        return answer;
      }) as ApiCall,
    };
    await use(host);
    // The test is over. Its pages close before the host stops, so a poll they make in between (the outbox, the
    // library's status) is not reported as a failed fetch; a failed test keeps its pages for the screenshot and trace.
    if (testInfo.status === testInfo.expectedStatus) await Promise.all(context.pages().map((page) => page.close()));
    await host.stop();
    await rm(dataDir, { recursive: true, force: true });
    // The daily backup's default folder sits beside the data folder.
    await rm(`${dataDir}-backups`, { recursive: true, force: true });
  },
  page: async ({ page }, use) => {
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy|Refused to/.test(message.text())) problems.push(message.text());
    });
    await use(page);
    expect(problems, 'no script errors or CSP violations').toEqual([]);
  },
});

export { expect };

/** The plain text of a Tiptap JSON node. */
export function textOf(node: unknown): string {
  const n = node as { text?: string; content?: unknown[] };
  return typeof n.text === 'string' ? n.text : (n.content ?? []).map(textOf).join(' ');
}

export async function waitUntilSaved(page: Page): Promise<void> {
  await expect(page.locator('.save-state')).toHaveAttribute('data-state', 'saved');
}

/** The parts of the open story, as a reporter sees them on the page. */
export function storyPage(page: Page) {
  const editor = page.getByRole('textbox', { name: 'Soạn bài' });
  return {
    editor,
    kicker: editor.locator('.story-kicker'),
    headline: editor.locator('.story-headline'),
    sapo: editor.locator('.story-sapo'),
    /** The body's paragraphs, headings, lists and quotes: everything after the sapo. */
    bodyText: editor.locator(':scope > :not(.story-kicker):not(.story-headline):not(.story-sapo)'),
    toolbar: page.getByRole('toolbar', { name: 'Định dạng' }),
  };
}

/** Starts a new story and waits until its headline has the cursor, as a reporter would before typing. */
export async function startNewStory(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Bài mới' }).click();
  const story = storyPage(page);
  await expect(story.editor).toBeFocused();
  await expect(story.headline).toHaveText('');
  const cursorInHeadline = () =>
    page.evaluate(() => {
      const node = window.getSelection()?.anchorNode;
      const element = node instanceof Element ? node : node?.parentElement;
      return Boolean(element?.closest('.story-headline'));
    });
  await expect.poll(cursorInHeadline).toBe(true);
}

/** Opens the app, starts a story with this headline and leaves the cursor in its body, past the empty sapo. */
export async function writeNewStory(page: Page, host: RunningHost, headline: string): Promise<void> {
  await page.goto(host.url);
  await startNewStory(page);
  await page.keyboard.type(headline);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
}
