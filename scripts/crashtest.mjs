// `npm run crashtest -- --kills N`: proves that a save the app acknowledged survives the app being killed.
//
// It runs the real store in a child process, the built web host (`out/main/webhost.js`) on a temp data folder,
// sends it a stream of creates and updates from three writers at once, and kills it with SIGKILL at a random
// moment, N times. After each kill it reads every story file straight from the disk (unreadable: not JSON),
// restarts the host, and checks each story written since the last check through the API:
//  - a save whose call returned 200 before the kill (acknowledged) must be there, at its revision or later,
//    with its text; a later revision must be one of the saves that were under way when the kill came;
//  - the story list (the index journal) must show each story at the revision the story file holds.
// It prints one line, `kills K, acknowledged saves A, lost L, unreadable U, quarantined Q`, and exits 1 when
// L or U is not 0 or a summary is stale. Run `npm run build` (or `npm test`) first.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
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
function startHost() {
  const child = spawn(process.execPath, [webhost, '--port', '0', '--data', dataDir], {
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
    child.once('exit', (code) => reject(new Error(`the web host exited with ${code}: ${output.slice(-500)}`)));
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
  await verify(host.base, [...acked.keys()]);
  const { body: status } = await call(host.base, 'library.status', {});
  const quarantined = status.quarantined.length;
  for (const line of problems) console.log(`  ${line}`);
  if (stale) console.log(`  stale summaries in the story list: ${stale}`);
  console.log(`kills ${kills}, acknowledged saves ${acknowledged}, lost ${lost}, unreadable ${unreadable}, quarantined ${quarantined}`);
  process.exitCode = lost || unreadable || stale ? 1 : 0;
} finally {
  host.child.kill('SIGKILL');
  await host.exited;
  if (values.keep) console.log(`data folder kept at ${dataDir}`);
  else await rm(dataDir, { recursive: true, force: true });
  await rm(`${dataDir}-backups`, { recursive: true, force: true });
}
