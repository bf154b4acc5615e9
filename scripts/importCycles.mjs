// Finds cycles in the import graph of the TypeScript sources: `node scripts/importCycles.mjs [folders…]`.
// Every import, export-from and dynamic import() of a relative path counts, type-only ones too (a type import is
// still a dependency, and the api <-> backup cycle was one). Prints each cycle and exits 1 if there is any.
// tests/lint/importCycles.test.ts runs it on the main process.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const extensions = ['.ts', '.tsx'];

function sourceFiles(folder) {
  const files = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') files.push(...sourceFiles(path));
    } else if (extensions.some((ext) => entry.name.endsWith(ext)) && !entry.name.endsWith('.d.ts')) files.push(resolve(path));
  }
  return files;
}

function resolveImport(from, specifier) {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(from), specifier);
  const candidates = [base, ...extensions.map((ext) => base + ext), ...extensions.map((ext) => join(base, `index${ext}`))];
  if (/\.(m?js)$/.test(base)) candidates.push(...extensions.map((ext) => base.replace(/\.m?js$/, ext)));
  return candidates.find((path) => existsSync(path) && statSync(path).isFile()) ?? null;
}

/**
 * The cycles among the .ts and .tsx files under `roots` (imports leading out of them are not followed), each as
 * its files' paths relative to `cwd`, sorted; and the size of the graph.
 */
export function importCycles(roots, cwd = process.cwd()) {
  const files = roots.flatMap((root) => sourceFiles(resolve(cwd, root)));
  const graph = new Map();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    graph.set(file, [...new Set(importedFiles.map((imported) => resolveImport(file, imported.fileName)).filter((path) => path && extensions.some((ext) => path.endsWith(ext))))]);
  }

  // Tarjan's strongly connected components: a component of more than one file (or a file importing itself) is a cycle.
  let counter = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const cycles = [];
  function visit(file) {
    index.set(file, counter);
    low.set(file, counter);
    counter += 1;
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (!graph.has(next)) continue;
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file), low.get(next)));
      } else if (onStack.has(next)) low.set(file, Math.min(low.get(file), index.get(next)));
    }
    if (low.get(file) === index.get(file)) {
      const component = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        component.push(member);
      } while (member !== file);
      if (component.length > 1 || (graph.get(file) ?? []).includes(file)) cycles.push(component);
    }
  }
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  const edges = [...graph.values()].reduce((sum, targets) => sum + targets.length, 0);
  return { files: graph.size, edges, cycles: cycles.map((component) => component.map((file) => relative(cwd, file)).sort()) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const roots = process.argv.slice(2).length ? process.argv.slice(2) : ['electron', 'shared', 'renderer'];
  const { files, edges, cycles } = importCycles(roots);
  if (!cycles.length) console.log(`no import cycles among ${files} files (${edges} imports) in ${roots.join(', ')}`);
  for (const cycle of cycles) console.log(`cycle: ${cycle.join(' <-> ')}`);
  if (cycles.length) process.exitCode = 1;
}
