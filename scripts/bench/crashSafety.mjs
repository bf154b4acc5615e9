// Crash safety at length: `npm run crashtest` with 1,000 kills (npm test runs 50). Reports the counts of its
// result line (lost and unreadable must be 0), whether a second writer on the data folder was refused, and the
// saves refused on a full disk (left out when the tmpfs could not be mounted: a skip is not a pass).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './benchResults.mjs';

const kills = 1_000;

export async function benchCrashSafety() {
  const started = Date.now();
  const child = spawn(process.execPath, [join('scripts', 'crashtest.mjs'), '--kills', String(kills)], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
    process.stdout.write(chunk);
  });
  const code = await new Promise((resolve) => child.once('exit', resolve));
  const line = /kills (\d+), acknowledged saves (\d+), lost (\d+), unreadable (\d+), quarantined (\d+)/.exec(output);
  if (!line) throw new Error(`crashtest printed no result line (exit ${code})`);
  const [, k, acknowledged, lost, unreadable, quarantined] = line.map(Number);
  // A story list that disagrees with the files is reported apart from the result line, and fails the run.
  const stale = Number(/stale summaries in the story list: (\d+)/.exec(output)?.[1] ?? 0);
  const fullDisk = /full disk: host alive, (\d+) refused saves, resumed/.exec(output);
  console.log(`  ${k} kills in ${((Date.now() - started) / 60_000).toFixed(1)} min`);
  return {
    'crashtest.second_writer_refused': { value: output.includes('second writer refused: yes') ? 1 : 0, unit: 'boolean' },
    ...(fullDisk ? { 'crashtest.full_disk_refused_saves': { value: Number(fullDisk[1]), unit: 'count' } } : {}),
    'crashtest.full_disk_passed': { value: fullDisk ? 1 : 0, unit: 'boolean' },
    'crashtest.kills': { value: k, unit: 'count' },
    'crashtest.acknowledged_saves': { value: acknowledged, unit: 'count' },
    'crashtest.lost': { value: lost, unit: 'count' },
    'crashtest.unreadable': { value: unreadable, unit: 'count' },
    'crashtest.quarantined': { value: quarantined, unit: 'count' },
    'crashtest.stale_summaries': { value: stale, unit: 'count' },
  };
}
