// Importing 20 photos of 24 megapixels, as a reporter does after a press event: the time per photo through the
// real web host (`media.import`, thumbnails and display sizes included, two at a time as the renderer sends them), set against bare sharp making the same
// two sizes from the same files in this process, the floor no import can beat.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { build } from 'vite';
import { repoRoot } from './benchResults.mjs';
import { cleanupStack, percentile, round, startWebHost } from './support.mjs';

const photoCount = 20;
const width = 6000;
const height = 4000;

async function makeCameraPhotos(folder) {
  const paths = [];
  for (let i = 0; i < photoCount; i++) {
    const path = join(folder, `anh-${String(i + 1).padStart(2, '0')}.jpg`);
    // Noise over a colour makes a file that compresses and decodes like a real photo, not a flat test card.
    await sharp({ create: { width, height, channels: 3, background: { r: 40 + i * 9, g: 111, b: 151 - i * 4 }, noise: { type: 'gaussian', mean: 128, sigma: 30 } } })
      .jpeg({ quality: 90 })
      .toFile(path);
    paths.push(path);
  }
  return paths;
}

/** The main process's own media service, bundled for Node from its TypeScript source (dependencies stay external). */
async function loadMediaLibrary(outDir) {
  await build({
    root: repoRoot,
    logLevel: 'warn',
    build: { ssr: join(repoRoot, 'electron', 'media', 'MediaLibrary.ts'), outDir, emptyOutDir: true, rolldownOptions: { output: { entryFileNames: 'MediaLibrary.mjs' } } },
  });
  return (await import(pathToFileURL(join(outDir, 'MediaLibrary.mjs')).href)).MediaLibrary;
}

async function bareSharp(bytes) {
  const display = await sharp(bytes).rotate().resize({ width: 1600, height: 1600, fit: 'inside' }).jpeg({ quality: 82 }).toBuffer();
  await sharp(display).resize({ width: 320, height: 320, fit: 'inside' }).jpeg({ quality: 75 }).toBuffer();
}

export async function benchMediaImport() {
  const cleanup = cleanupStack();
  try {
    const photoFolder = await cleanup.tempDir('dateline-bench-photos-');
    process.stdout.write(`making ${photoCount} photos of ${width}×${height}… `);
    const paths = await makeCameraPhotos(photoFolder);
    const files = await Promise.all(paths.map((path) => readFile(path)));
    console.log(`${round(files.reduce((sum, f) => sum + f.length, 0) / files.length / 1e6, 1)} MB each`);

    const baseline = [];
    for (const bytes of files) {
      const started = performance.now();
      await bareSharp(bytes);
      baseline.push(performance.now() - started);
    }

    // What the desktop app's main process does for each photo (IPC hands it the bytes without JSON): hash,
    // decode, display size and thumbnail, metadata, and fsynced writes.
    // Inside the repository, so the bundle's bare imports (sharp, lowdb, zod) resolve to its node_modules.
    const MediaLibrary = await loadMediaLibrary(join(repoRoot, 'node_modules', '.cache', 'dateline-bench'));
    const quiet = { info() {}, warn() {}, error: console.error };
    const library = await MediaLibrary.open({ dataDir: await cleanup.tempDir('dateline-bench-service-'), log: quiet });
    const service = [];
    for (const [i, bytes] of files.entries()) {
      const started = performance.now();
      await library.import(`anh-${i + 1}.jpg`, bytes);
      service.push(performance.now() - started);
    }

    const dataDir = await cleanup.tempDir('dateline-bench-media-');
    const { url } = await startWebHost(cleanup, dataDir);
    const origin = new URL(url).origin;
    const token = new URL(url).searchParams.get('token');
    // As the renderer imports them: two at a time, so the figure is the batch's wall time per photo.
    const imports = [];
    const importOne = async (i) => {
      const body = JSON.stringify({ fileName: `anh-${i + 1}.jpg`, dataBase64: files[i].toString('base64') });
      const started = performance.now();
      const response = await fetch(`${origin}/api/media.import`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
      const item = await response.json();
      imports.push(performance.now() - started);
      if (!response.ok || item.width !== width) throw new Error(`import ${i + 1} failed: ${JSON.stringify(item).slice(0, 200)}`);
    };
    let next = 0;
    const worker = async () => {
      while (next < files.length) await importOne(next++);
    };
    const batchStarted = performance.now();
    await Promise.all([worker(), worker()]);
    const perPhoto = (performance.now() - batchStarted) / files.length;

    const mean = (values) => values.reduce((a, b) => a + b, 0) / values.length;
    console.log(`  media service (the desktop app's main process), one at a time: ${round(mean(service), 1)} ms per photo (p95 ${round(percentile(service, 95), 1)} ms)`);
    console.log(`  web host over HTTP, batch of ${files.length}, two at a time: ${round(perPhoto, 1)} ms per photo (JSON and base64 of 14 MB files included)`);
    console.log(`  one request (HTTP, JSON and base64 included): p50 ${round(percentile(imports, 50), 1)} ms, p95 ${round(percentile(imports, 95), 1)} ms`);
    console.log(`  bare sharp, one at a time: ${round(mean(baseline), 1)} ms per photo`);
    console.log(`  ratio (media service ÷ bare sharp): ${round(mean(service) / mean(baseline), 2)}×`);
    return {
      'media.import.ms_per_photo': { value: round(mean(service), 1), unit: 'ms' },
      'media.import.http_ms_per_photo': { value: round(perPhoto, 1), unit: 'ms' },
      'media.import.request_p95_ms': { value: round(percentile(imports, 95), 1), unit: 'ms' },
      'media.import.bare_sharp_ms_per_photo': { value: round(mean(baseline), 1), unit: 'ms' },
      'media.import.ratio_vs_bare_sharp': { value: round(mean(service) / mean(baseline), 2), unit: 'ratio' },
    };
  } finally {
    await cleanup.run();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const figures = await benchMediaImport();
  console.log(figures);
}
