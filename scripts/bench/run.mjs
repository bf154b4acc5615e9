// `npm run bench`: builds the app once, runs each benchmark in turn, prints its figures and merges them into
// bench-results.json. No figure is checked against a limit here; this reports, it does not pass or fail.
// A benchmark is an async function returning { "<name>": { value, unit } }; add one with one line below.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { benchResultsPath, recordBenchResults, repoRoot } from './benchResults.mjs';
import { benchCrashSafety } from './crashSafety.mjs';
import { benchEditorKeystroke } from './editorKeystroke.mjs';
import { benchLibrary } from './library.mjs';
import { benchMediaImport } from './mediaImport.mjs';

const benchmarks = [
  { name: 'editor keystroke latency', run: benchEditorKeystroke },
  { name: 'media import', run: benchMediaImport },
  { name: 'library: open, save, search, list', run: benchLibrary },
  { name: 'crash safety: 1,000 kills', run: benchCrashSafety },
];

console.log('=== Build ===');
const built = spawnSync(process.execPath, [join('node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build', '--logLevel', 'warn'], {
  cwd: repoRoot,
  stdio: 'inherit',
});
if (built.status !== 0) {
  console.error(`the build failed (${built.status ?? built.signal}); no benchmark ran`);
  process.exit(1);
}

const failed = [];
for (const benchmark of benchmarks) {
  console.log(`\n=== ${benchmark.name} ===`);
  const started = Date.now();
  try {
    const figures = await benchmark.run();
    console.log('');
    for (const [name, { value, unit }] of Object.entries(figures)) console.log(`${name} = ${value} ${unit}`);
    recordBenchResults(figures);
    console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (error) {
    failed.push(benchmark.name);
    console.error(`${benchmark.name} failed:`, error);
  }
}

console.log(`\nFigures written to ${benchResultsPath}`);
if (failed.length) {
  console.error(`failed: ${failed.join(', ')}`);
  process.exit(1);
}
