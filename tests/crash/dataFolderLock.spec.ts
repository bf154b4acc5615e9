import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

// Two built web hosts (`out/main/webhost.js`) on one data folder, as two real processes: the second is refused
// with the first's pid, the first keeps saving, and once the first is killed the next start takes the folder over.

const token = `lock-${randomBytes(8).toString('hex')}`;
let root: string;
let dataDir: string;
const children: ChildProcess[] = [];

test.beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dateline-lock-'));
  dataDir = join(root, 'library');
});
test.afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await rm(root, { recursive: true, force: true });
});

interface Outcome {
  child: ChildProcess;
  /** The host's address once it serves, or null when it exited first. */
  base: string | null;
  code: number | null;
  output: string;
}

/** Starts a web host and settles once it serves or has exited, whichever comes first. */
function startHost(): Promise<Outcome> {
  const child = spawn(process.execPath, [join('out', 'main', 'webhost.js'), '--port', '0', '--data', dataDir], {
    env: { ...process.env, DATELINE_WEB_TOKEN: token },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the web host neither served nor exited: ${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Dateline web host: (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, base: match[1]!, code: null, output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ child, base: null, code, output });
    });
  });
}

async function call(base: string, method: string, input: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${base}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(input),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

function killed(child: ChildProcess): Promise<void> {
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGKILL');
  return exited;
}

test('a second web host on the same data folder is refused by the first one\'s pid; the first keeps saving; once it is killed the next start takes over', async () => {
  const first = await startHost();
  expect(first.base, first.output).not.toBeNull();
  const lock = JSON.parse(await readFile(join(dataDir, 'dateline.lock'), 'utf8'));
  expect(lock).toMatchObject({ app: 'dateline', pid: first.child.pid });

  const second = await startHost();
  expect(second.base, second.output).toBeNull();
  expect(second.code).toBe(1);
  expect(second.output).toContain('Dateline web host could not start');
  expect(second.output).toContain(`process ${first.child.pid} on this computer`);

  // The refused start changed nothing: the first host still saves and reads.
  const created = await call(first.base!, 'stories.create', { headline: 'Lưu khi máy thứ hai bị từ chối' });
  expect(created.status).toBe(200);
  const read = await call(first.base!, 'stories.get', { id: created.body.id });
  expect(read.body.headline).toBe('Lưu khi máy thứ hai bị từ chối');

  await killed(first.child);
  const third = await startHost();
  expect(third.base, third.output).not.toBeNull();
  expect(third.output).toContain(`took over the library's lock file: process ${first.child.pid}`);
  expect(JSON.parse(await readFile(join(dataDir, 'dateline.lock'), 'utf8')).pid).toBe(third.child.pid);
  expect((await call(third.base!, 'stories.get', { id: created.body.id })).body.headline).toBe('Lưu khi máy thứ hai bị từ chối');
});

test('of four web hosts started at once on a folder whose owner was killed, exactly one serves and the others name it', async () => {
  const first = await startHost();
  expect(first.base, first.output).not.toBeNull();
  await killed(first.child);

  const outcomes = await Promise.all([startHost(), startHost(), startHost(), startHost()]);
  const serving = outcomes.filter((o) => o.base !== null);
  expect(serving, outcomes.map((o) => o.output).join('\n---\n')).toHaveLength(1);
  const owner = serving[0]!.child.pid;
  for (const refused of outcomes.filter((o) => o.base === null)) {
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(new RegExp(`process ${owner} on this computer|being opened by another process right now`));
  }
  expect(JSON.parse(await readFile(join(dataDir, 'dateline.lock'), 'utf8')).pid).toBe(owner);
});
