// `npm test`: unit tests (Vitest), then a fresh build, then end-to-end tests (Playwright in real Chromium).
// It ends with one line that sums both runs: `N passed, N failed, N skipped`. A skipped test is listed with
// its reason and never counted as passed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const reports = join('node_modules', '.cache', 'dateline-test');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
const vitestReport = join(reports, 'vitest.json');
const playwrightReport = join(reports, 'playwright.json');

const run = (label, args, env = {}) => {
  console.log(`\n=== ${label} ===`);
  const result = spawnSync(process.execPath, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
};

const unitStatus = run('Unit tests (Vitest)', ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`]);
const buildStatus = run('Build', ['node_modules/electron-vite/bin/electron-vite.js', 'build', '--logLevel', 'warn']);
const e2eStatus =
  buildStatus === 0
    ? run('End-to-end tests (Playwright)', ['node_modules/@playwright/test/cli.js', 'test'], { DATELINE_PLAYWRIGHT_JSON: playwrightReport })
    : 1;

const totals = { passed: 0, failed: 0, skipped: 0 };
const skips = [];
const problems = [];

if (existsSync(vitestReport)) {
  const report = JSON.parse(readFileSync(vitestReport, 'utf8'));
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + report.numTodoTests;
  // A file that fails to load has no tests to count, but it is a failure all the same.
  const brokenFiles = report.testResults.filter((file) => file.status === 'failed' && file.assertionResults.length === 0);
  totals.failed += brokenFiles.length;
  if (unitStatus !== 0 && report.numFailedTests === 0 && brokenFiles.length === 0) problems.push(`Vitest exited with ${unitStatus}`);
} else {
  problems.push('Vitest wrote no report');
}

if (buildStatus !== 0) problems.push('the build failed, so no end-to-end test ran');
else if (existsSync(playwrightReport)) {
  const report = JSON.parse(readFileSync(playwrightReport, 'utf8'));
  const visit = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests) {
        if (t.status === 'skipped') {
          totals.skipped++;
          const reason = t.annotations.find((a) => a.type === 'skip')?.description ?? 'no reason given';
          skips.push(`${spec.title} [${t.projectName}]: ${reason}`);
        } else if (t.status === 'expected' || t.status === 'flaky') totals.passed++;
        else totals.failed++;
      }
    }
    (suite.suites ?? []).forEach(visit);
  };
  report.suites.forEach(visit);
  if (report.errors?.length) problems.push(...report.errors.map((e) => `Playwright: ${e.message?.split('\n')[0]}`));
  if (e2eStatus !== 0 && totals.failed === 0 && !report.errors?.length) problems.push(`Playwright exited with ${e2eStatus}`);
} else {
  problems.push('Playwright wrote no report');
}

console.log('');
for (const skip of skips) console.log(`skipped: ${skip}`);
for (const problem of problems) console.log(`problem: ${problem}`);
totals.failed += problems.length;
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
