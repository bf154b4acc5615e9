// `npm run crashtest -- --kills N`: proves that a save the app acknowledged survives the app being killed.
//
// It runs the real store in a child process, the built web host (`out/main/webhost.js`) on a temp data folder,
// sends it a stream of creates and updates from three writers at once, and kills it with SIGKILL at a random
// moment, N times. After each kill it reads every story file straight from the disk (unreadable: not JSON),
// restarts the host, and checks each story written since the last check through the API:
//  - a save whose call returned 200 before the kill (acknowledged) must be there, at its revision or later,
//    with its text; a later revision must be one of the saves that were under way when the kill came;
//  - the story list (the index journal) must show each story at the revision the story file holds.
// Then, with the last host still running, a second host is started on the same data folder: it must be refused
// (`second writer refused: yes`) and the first must keep saving. Last, a host runs on a 2 MB tmpfs that is filled
// up while it saves: the saves must answer storage_failed (507) and the host live on, and once space is freed the
// saves resume and every acknowledged one reads back (`full disk: host alive, N refused saves, resumed`). Mounting
// needs root; without it that part says `full disk: skipped (…)`, which is not a pass.
// It ends with one line, `kills K, acknowledged saves A, lost L, unreadable U, quarantined Q`, and exits 1 when
// L or U is not 0, a summary is stale, the second writer got in or the full disk failed. Run `npm run build`
// (or `npm test`) first.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { appendFile, mkdtemp, open, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { kills: { type: 'string', default: '50' }, seed: { type: 'string', default: '20260126' }, keep: { type: 'boolean', default: false } } });
const kills = Number(values.kills);
if (!Number.isInteger(kills) || kills < 1) {
  console.error(`crashtest: --kills must be a whole number above 0, not "${values.kills}"`);
  process.exit(2);
}
const webhost = join('out', 'main', 'webhost.js');
if (!existsSync(webhost)) {
  console.error(`crashtest: ${webhost} is missing; run \`npm run build\` first`);
  process.exit(2);
}

// A seeded generator, so a failing run can be repeated with the same --seed.
let state = Number(values.seed) >>> 0;
const random = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const words = ['Quảng', 'Ninh', 'đường', 'ven', 'biển', 'thông', 'xe', 'đảng', 'viên', 'hội', 'nghị', 'tỉnh', 'ủy', 'hòa', 'bình', 'ngư', 'dân', 'bão', 'lũ', 'Hạ', 'Long'];
const sentence = (n) => Array.from({ length: 8 + Math.floor(random() * 40) }, () => words[Math.floor(random() * words.length)]).join(' ') + ` (${n}).`;
const doc = (text) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
const textOf = (node) => (typeof node?.text === 'string' ? node.text : (node?.content ?? []).map(textOf).join(''));

const dataDir = await mkdtemp(join(tmpdir(), 'dateline-crashtest-'));
const token = `crashtest-${randomBytes(8).toString('hex')}`;

/** Starts the web host and resolves with its address once it answers. */
function startHost(dir = dataDir) {
  return launchHost(dir).then((host) => {
    if (!host.base) throw new Error(`the web host exited with ${host.code}: ${host.output().slice(-500)}`);
    return host;
  });
}

/** Starts a web host and settles once it answers (with its address) or has exited (`base` null), whichever is first. */
function launchHost(dir) {
  const child = spawn(process.execPath, [webhost, '--port', '0', '--data', dir], {
    env: { ...process.env, DATELINE_WEB_TOKEN: token },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the web host did not start: ${output.slice(-500)}`)), 30_000);
    const onData = (chunk) => {
      output += chunk;
      const match = /Dateline web host: (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, base: match[1], exited, output: () => output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ child, base: null, code, exited, output: () => output });
    });
  });
}

async function call(base, method, input) {
  const response = await fetch(`${base}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(input),
  });
  return { status: response.status, body: await response.json() };
}

/** Each story's last acknowledged state, and the saves sent for it that had not been answered. */
const acked = new Map();
const pending = new Map();
const touched = new Set();
let acknowledged = 0;
let lost = 0;
let unreadable = 0;
let stale = 0;
let created = 0;
const problems = [];

function problem(text) {
  if (problems.length < 20) problems.push(text);
}

/** One writer: creates and updates stories until its requests start failing (the host was killed). */
async function writer(base, busy) {
  for (;;) {
    const ids = [...acked.keys()].filter((id) => !busy.has(id));
    const create = acked.size < 12 || ids.length === 0 || random() < 0.15;
    const n = ++created;
    const content = { headline: `Bài số ${n}`, text: sentence(n) };
    try {
      if (create) {
        // The id is not known until the answer: a create the kill interrupts may or may not be on disk.
        const { status, body } = await call(base, 'stories.create', { headline: content.headline, body: doc(content.text) });
        if (status !== 200) throw new Error(`create answered ${status}`);
        acked.set(body.id, { revision: body.revision, ...content });
        touched.add(body.id);
        acknowledged++;
      } else {
        const id = ids[Math.floor(random() * ids.length)];
        busy.add(id);
        const base_ = acked.get(id);
        pending.set(id, [...(pending.get(id) ?? []), content]);
        touched.add(id);
        try {
          const { status, body } = await call(base, 'stories.update', { id, baseRevision: base_.revision, changes: { headline: content.headline, body: doc(content.text) } });
          if (status === 409 || status === 404) {
            // The story is gone, or not at the revision its last acknowledged save gave it: that save was lost.
            lost++;
            problem(`story ${id}: ${body.error?.message}`);
            if (status === 404) acked.delete(id);
            else acked.set(id, { ...base_, revision: body.error?.details?.currentRevision ?? base_.revision });
            pending.delete(id);
            continue;
          }
          if (status !== 200) throw new Error(`update answered ${status}: ${JSON.stringify(body).slice(0, 200)}`);
          acked.set(id, { revision: body.revision, ...content });
          pending.set(id, (pending.get(id) ?? []).filter((c) => c !== content));
          acknowledged++;
        } finally {
          busy.delete(id);
        }
      }
    } catch (error) {
      if (error?.cause?.code || /fetch failed|other side closed|ECONNRE/.test(String(error?.message))) return;
      throw error;
    }
  }
}

/** Every story file as it is on the disk after the kill: each must still be whole JSON. */
async function checkFiles() {
  const folder = join(dataDir, 'stories');
  for (const name of await readdir(folder).catch(() => [])) {
    if (!name.endsWith('.json') || name.startsWith('.')) continue;
    try {
      JSON.parse(await readFile(join(folder, name), 'utf8'));
    } catch (error) {
      unreadable++;
      problem(`unreadable after a kill: ${name}: ${error.message}`);
    }
  }
}

/** Checks the stories written since the last check against what was acknowledged, through the restarted host. */
async function verify(base, ids) {
  const summaries = new Map();
  for (let cursor; ; ) {
    const { body } = await call(base, 'stories.list', { limit: 500, ...(cursor ? { cursor } : {}) });
    for (const summary of body.items) summaries.set(summary.id, summary);
    if (!body.nextCursor) break;
    cursor = body.nextCursor;
  }
  for (const id of ids) {
    const expected = acked.get(id);
    if (!expected) continue;
    const { status, body: story } = await call(base, 'stories.get', { id });
    if (status !== 200) {
      lost++;
      problem(`story ${id} (acknowledged at revision ${expected?.revision}) answers ${status}`);
      continue;
    }
    const text = textOf(story.body);
    const inFlight = pending.get(id) ?? [];
    if (story.revision < expected.revision) {
      lost++;
      problem(`story ${id} is at revision ${story.revision}, below the acknowledged ${expected.revision}`);
    } else if (story.revision === expected.revision && (story.headline !== expected.headline || text !== expected.text)) {
      lost++;
      problem(`story ${id} at revision ${story.revision} does not hold the acknowledged text`);
    } else if (story.revision > expected.revision && !inFlight.some((c) => c.headline === story.headline && c.text === text)) {
      lost++;
      problem(`story ${id} is at revision ${story.revision} with text no save sent`);
    }
    // What is on disk now is the base of the next updates.
    acked.set(id, { revision: story.revision, headline: story.headline, text });
    pending.delete(id);
    const summary = summaries.get(id);
    if (!summary || summary.revision !== story.revision || summary.headline !== story.headline) {
      stale++;
      problem(`the story list shows ${id} at revision ${summary?.revision} ("${summary?.headline}"), its file at ${story.revision}`);
    }
  }
}

/**
 * A second host on the data folder the running one owns must be refused, naming the owner's pid, and the first
 * must keep saving. Returns null when all of that holds, or what went wrong.
 */
async function secondWriter(host) {
  const second = await launchHost(dataDir);
  if (second.base) {
    second.child.kill('SIGKILL');
    await second.exited;
    return 'it started and served';
  }
  if (second.code !== 1 || !second.output().includes(`process ${host.child.pid}`)) return `it exited with ${second.code} without naming process ${host.child.pid}: ${second.output().slice(-300)}`;
  const content = { headline: 'Sau khi máy thứ hai bị từ chối', text: sentence(++created) };
  const { status, body } = await call(host.base, 'stories.create', { headline: content.headline, body: doc(content.text) });
  if (status !== 200) return `the first host then answered ${status}`;
  acked.set(body.id, { revision: body.revision, ...content });
  acknowledged++;
  return null;
}

/** What the web host logs for a promise nobody handled (electron/webhost/cli.ts). */
const unhandledLine = 'a promise failed with nothing to handle it';

/** Writes filler until the disk refuses, as a camera's card dump or a big download would. */
async function fillDisk(path) {
  const handle = await open(path, 'w');
  const chunk = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) await handle.write(chunk);
  } catch (error) {
    if (error.code !== 'ENOSPC') throw error;
  } finally {
    await handle.close();
  }
}

/**
 * A host on a 2 MB tmpfs saves until the disk is full and on: every save must answer 200 or 507 storage_failed,
 * the host must live, and once the filler is removed the saves resume and each acknowledged one reads back,
 * through the same host and after a restart. Returns the line to print and whether it failed.
 */
async function fullDisk() {
  const mountPoint = await mkdtemp(join(tmpdir(), 'dateline-crashtest-full-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mountPoint], { stdio: 'pipe' });
  } catch (error) {
    await rm(mountPoint, { recursive: true, force: true });
    const why = String(error.stderr ?? error.message).trim().split('\n')[0];
    return { line: `full disk: skipped (cannot mount a tmpfs here: ${why})`, failed: false };
  }
  const dir = join(mountPoint, 'library');
  const filler = join(mountPoint, 'filler.bin');
  const saved = new Map();
  const failures = [];
  let fullHost = null;
  let refused = 0;
  const save = async (id, text) => {
    const previous = saved.get(id);
    const { status, body } = id
      ? await call(fullHost.base, 'stories.update', { id, baseRevision: previous.revision, changes: { body: doc(text) } })
      : await call(fullHost.base, 'stories.create', { headline: 'Bài viết khi ổ đĩa đầy', body: doc(text) });
    if (status === 200) saved.set(body.id, { revision: body.revision, text });
    return { status, code: body.error?.code };
  };
  const readBack = async (when) => {
    for (const [id, expected] of saved) {
      const { status, body } = await call(fullHost.base, 'stories.get', { id });
      if (status !== 200 || body.revision !== expected.revision || textOf(body.body) !== expected.text) failures.push(`${when}: story ${id} answers ${status} at revision ${body.revision}, acknowledged ${expected.revision}`);
    }
  };
  try {
    fullHost = await startHost(dir);
    for (let i = 0; i < 4; i++) await save(null, sentence(++created));
    // The index journal freshly emptied: its next line then needs a new block of the full disk, and a failed
    // journal line once ended the host (an unhandled rejection). A kill mid-save leaves a "writing" line, which
    // makes the next start rewrite the index and empty the journal; that line is written here as the kill would.
    fullHost.child.kill('SIGKILL');
    await fullHost.exited;
    const journal = join(dir, 'index.journal');
    await appendFile(journal, `${JSON.stringify({ writing: [...saved.keys()][0] })}\n`);
    fullHost = await startHost(dir);
    if ((await stat(journal)).size !== 0) failures.push(`the index journal was not emptied at the start (${(await stat(journal)).size} bytes)`);
    await fillDisk(filler);
    const ids = [...saved.keys()];
    for (let i = 0; i < 40; i++) {
      const id = i % 5 === 4 ? null : ids[i % ids.length];
      const { status, code } = await save(id, sentence(++created)).catch((error) => ({ status: `no answer: ${error.message}` }));
      if (status === 507 && code === 'storage_failed') refused++;
      else if (status !== 200) failures.push(`a save on the full disk got ${status} ${code ?? ''}`.trim());
      if (failures.length) break;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    const alive = fullHost.child.exitCode === null && fullHost.child.signalCode === null;
    if (!alive) failures.push(`the host died on the full disk: ${fullHost.output().slice(-300)}`);
    // The host logs a promise nobody handled instead of dying of it; the log line is a failure all the same.
    if (fullHost.output().includes(unhandledLine)) failures.push('a promise went unhandled in the host on the full disk');
    if (refused === 0 && alive) failures.push('no save was refused: the disk never filled');
    if (!failures.length) {
      await rm(filler);
      for (const id of saved.keys()) {
        const { status, code } = await save(id, sentence(++created));
        if (status !== 200) failures.push(`with space again a save answered ${status} ${code ?? ''}`.trim());
      }
      await readBack('with space again');
      fullHost.child.kill('SIGKILL');
      await fullHost.exited;
      fullHost = await startHost(dir);
      await readBack('after a restart');
    }
  } catch (error) {
    failures.push(error.message);
  } finally {
    if (fullHost) {
      fullHost.child.kill('SIGKILL');
      await fullHost.exited;
    }
    try {
      execFileSync('umount', [mountPoint], { stdio: 'pipe' });
    } catch {
      execFileSync('umount', ['-l', mountPoint], { stdio: 'pipe' });
    }
    await rm(mountPoint, { recursive: true, force: true });
  }
  for (const failure of failures.slice(0, 10)) console.log(`  full disk: ${failure}`);
  if (failures.length) return { line: `full disk: FAILED, ${refused} refused saves, ${failures.length} problems`, failed: true };
  return { line: `full disk: host alive, ${refused} refused saves, resumed`, failed: false };
}

const started = Date.now();
let host = await startHost();
try {
  for (let kill = 1; kill <= kills; kill++) {
    const busy = new Set();
    const writers = Array.from({ length: 3 }, () => writer(host.base, busy));
    await new Promise((resolve) => setTimeout(resolve, 30 + random() * 400));
    host.child.kill('SIGKILL');
    await host.exited;
    await Promise.all(writers);
    await checkFiles();
    host = await startHost();
    await verify(host.base, [...touched]);
    touched.clear();
    if (kills >= 100 && kill % 100 === 0) console.log(`  … ${kill} kills, ${acknowledged} acknowledged saves, ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  const whyNotRefused = await secondWriter(host);
  await verify(host.base, [...acked.keys()]);
  const { body: status } = await call(host.base, 'library.status', {});
  const quarantined = status.quarantined.length;
  const disk = await fullDisk();
  for (const line of problems) console.log(`  ${line}`);
  if (stale) console.log(`  stale summaries in the story list: ${stale}`);
  console.log(`second writer refused: ${whyNotRefused ? `no (${whyNotRefused})` : 'yes'}`);
  console.log(disk.line);
  console.log(`kills ${kills}, acknowledged saves ${acknowledged}, lost ${lost}, unreadable ${unreadable}, quarantined ${quarantined}`);
  process.exitCode = lost || unreadable || stale || whyNotRefused || disk.failed ? 1 : 0;
} finally {
  host.child.kill('SIGKILL');
  await host.exited;
  if (values.keep) console.log(`data folder kept at ${dataDir}`);
  else await rm(dataDir, { recursive: true, force: true });
  await rm(`${dataDir}-backups`, { recursive: true, force: true });
}
