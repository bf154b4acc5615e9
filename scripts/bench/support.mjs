// Shared pieces of the benchmarks: a cleanup stack that also runs on Ctrl-C, the built web host as a child
// process, Debian's Chromium through Playwright, a tiny static file server, and percentiles.
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { repoRoot } from './benchResults.mjs';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Things to undo, last first: `defer(fn)` registers one, `run()` runs them all (errors are reported, not thrown).
 * While the stack is open, Ctrl-C or SIGTERM runs it before exiting, and a plain exit at least kills the child
 * processes and removes the temp folders it knows about (synchronously).
 */
export function cleanupStack() {
  const steps = [];
  const children = new Set();
  const folders = new Set();
  let ran = false;
  const onSignal = (signal) => {
    console.error(`\n${signal}: cleaning up`);
    void run().finally(() => process.exit(130));
  };
  const onExit = () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  process.once('exit', onExit);

  async function run() {
    if (ran) return;
    ran = true;
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    while (steps.length) {
      const step = steps.pop();
      try {
        await step();
      } catch (error) {
        console.error(`cleanup step failed: ${error?.message ?? error}`);
      }
    }
    process.off('exit', onExit);
  }

  return {
    defer: (fn) => steps.push(fn),
    /** A temp folder, removed on cleanup. */
    tempDir: async (prefix) => {
      const folder = await mkdtemp(join(tmpdir(), prefix));
      folders.add(folder);
      steps.push(async () => {
        await rm(folder, { recursive: true, force: true });
        folders.delete(folder);
      });
      return folder;
    },
    /** A child process, stopped on cleanup (SIGTERM, then SIGKILL after 5 s). */
    child: (child) => {
      children.add(child);
      steps.push(async () => {
        await stopChild(child);
        children.delete(child);
      });
      return child;
    },
    run,
  };
}

async function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/** Runs the built web host (`out/main/webhost.js`) on a free port; resolves with its URL (token included). */
export async function startWebHost(cleanup, dataDir, token = 'bench-token') {
  const entry = join(repoRoot, 'out', 'main', 'webhost.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: build first (npm run build, or npm run bench which builds)`);
  const child = cleanup.child(
    spawn(process.execPath, [entry, '--port', '0', '--data', dataDir], {
      cwd: repoRoot,
      env: { ...process.env, DATELINE_WEB_TOKEN: token },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  let output = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host did not start within 20 s: ${output}`)), 20_000);
    const onData = (chunk) => {
      // Keep reading for the whole run (a full pipe would stall the host), but remember only the tail.
      output = (output + chunk.toString()).slice(-8_000);
      const match = /Dateline web host: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`web host exited (${code ?? signal}) before it was ready: ${output}`));
    });
  });
  return { url, child, output: () => output };
}

/** Debian's Chromium, headless, closed on cleanup. */
export async function launchChromium(cleanup) {
  const { chromium } = await import('@playwright/test');
  if (!existsSync(chromiumPath)) throw new Error(`Chromium not found at ${chromiumPath} (set CHROMIUM_PATH)`);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  cleanup.defer(() => browser.close());
  return browser;
}

const contentTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Serves `root` on 127.0.0.1 (a free port); closed on cleanup. Resolves with its base URL. */
export async function serveStatic(cleanup, root) {
  const server = createServer(async (request, response) => {
    try {
      const path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
      const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
      if (!file.startsWith(root + sep)) throw Object.assign(new Error('outside root'), { status: 403 });
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': contentTypes[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      response.end(body);
    } catch (error) {
      response.writeHead(error?.status ?? 404, { 'content-type': 'text/plain' });
      response.end('not found');
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  cleanup.defer(
    () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  );
  return `http://127.0.0.1:${server.address().port}/`;
}

/** Nearest-rank percentile of a list of numbers. */
export function percentile(values, p) {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const round = (value, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;
