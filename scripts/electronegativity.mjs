// `npm run lint`, after ESLint: Electronegativity (Doyensec's checker of Electron's security checklist) over the
// main-process sources in electron/. It fails on any high or medium finding, and on any file it could not parse,
// since a file it cannot read is a file it did not check. A false positive is silenced beside its line with an
// `// eng-disable CHECK_ID` comment that says why, never here.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { relative, resolve } from 'node:path';

const input = process.argv[2] ?? 'electron';
const require = createRequire(import.meta.url);
const enginePath = require.resolve('@doyensec/electronegativity');

// Electronegativity downloads translations of its messages from S3 on every run, and waits about 3 s for DNS to
// fail where there is no network. The lint must not touch the network: its HTTP client is replaced by one that
// answers "not found" at once, so the English messages bundled with it are used.
const gotPath = createRequire(enginePath).resolve('got');
require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: async () => ({ statusCode: 404, body: '' }) };

const run = require(enginePath);
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
// It cannot find Electron's version from electron/ (no package.json there) and would assume 0.1.0, whose defaults
// (Node integration on, no context isolation) are not ours.
const electronVersion = (pkg.devDependencies?.electron ?? pkg.dependencies?.electron ?? '').replace(/^[\^~]/, '');

const started = Date.now();
const result = await run({
  input,
  isRelative: true,
  electronVersionOverride: electronVersion || undefined,
  // This check downloads Electron's release list from GitHub to see whether a newer patch has security fixes.
  // The lint runs offline, and for Electron in devDependencies it only ever reports an informational finding.
  excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
});

const failing = result.issues.filter((issue) => issue.severity.value >= 2);
const unparsed = result.errors.filter((error) => !error.tolerable);
// A global check (no CSP anywhere, no navigation limit) has no file: it is about the whole of the input.
const where = (issue) =>
  issue.file === 'N/A' ? `${input}/ as a whole` : `${relative('.', resolve(input, issue.file))}:${issue.location.line}:${issue.location.column}`;

for (const issue of result.issues) {
  const review = issue.manualReview ? ', needs review' : '';
  console.log(`${issue.severity.name} (${issue.confidence.name.toLowerCase()}${review}) ${issue.id} at ${where(issue)}`);
  console.log(`  ${issue.description} ${issue.shortenedURL ?? ''}`.trimEnd());
  if (issue.sample) console.log(`  > ${issue.sample}`);
}
for (const error of result.errors) {
  console.log(`${error.tolerable ? 'warning' : 'error'}: could not fully parse ${relative('.', resolve(error.file))}: ${error.message}`);
}

const seconds = ((Date.now() - started) / 1000).toFixed(1);
const checks = `${result.globalChecks + result.atomicChecks} checks, Electron ${electronVersion || 'version unknown'}`;
if (failing.length > 0 || unparsed.length > 0) {
  console.error(
    `Electronegativity: ${failing.length} high or medium finding(s), ${unparsed.length} unparsed file(s) in ${input}/ (${checks}, ${seconds} s).` +
      ' Fix them, or, for a false positive, add `// eng-disable CHECK_ID` on the reported line with a comment saying why.',
  );
  process.exit(1);
}
console.log(`Electronegativity: no high or medium finding in ${input}/ (${checks}, ${result.issues.length} low or informational, ${seconds} s).`);
