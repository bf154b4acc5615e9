// Merges benchmark figures into `bench-results.json` at the repo root (git-ignored). Each benchmark adds its own
// keys; keys written by other benchmarks are kept.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const benchResultsPath = join(repoRoot, 'bench-results.json');

/**
 * @param {Record<string, { value: number, unit: string }>} figures
 * @returns {Record<string, { value: number, unit: string }>} the whole file after the merge
 */
export function recordBenchResults(figures) {
  for (const [name, figure] of Object.entries(figures)) {
    if (!figure || typeof figure.value !== 'number' || !Number.isFinite(figure.value) || typeof figure.unit !== 'string') {
      throw new Error(`bench figure ${name} must be { value: finite number, unit: string }, got ${JSON.stringify(figure)}`);
    }
  }
  let existing = {};
  if (existsSync(benchResultsPath)) {
    try {
      const parsed = JSON.parse(readFileSync(benchResultsPath, 'utf8'));
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) existing = parsed;
    } catch {
      // A damaged results file is replaced rather than blocking the run; it only ever holds figures.
    }
  }
  const merged = { ...existing, ...figures };
  const sorted = Object.fromEntries(Object.keys(merged).sort().map((key) => [key, merged[key]]));
  const temp = `${benchResultsPath}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(sorted, null, 2)}\n`);
  renameSync(temp, benchResultsPath);
  return sorted;
}
