// `npm run lint`, after ESLint: every message in renderer/i18n/vi.ts (which en.ts must match, by its type) is
// asked for somewhere. A component's `t('a.b')` is checked by the compiler (renderer/i18n/i18next.d.ts); this
// finds the other direction, a message no code asks for any more. A key counts as asked for when the sources
// of renderer/ and shared/ hold it as a string, or build it from a template whose fixed start it begins with
// (`outbox.state.${key}`) and whose rest is strings there too, or numbers, joined by `_`, `-` or `.`.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

import { pathToFileURL } from 'node:url';

/** The message table of a vi.ts-shaped file, read without a TypeScript loader. */
export async function readMessageTable(text) {
  const { outputText } = ts.transpileModule(text, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
  return (await import(`data:text/javascript;base64,${Buffer.from(outputText).toString('base64')}`)).vi;
}

/** The table's keys (plural forms as their base key) that none of `files` ({ path, text }) asks for. */
export function unusedMessages(table, files) {
  const keys = [];
  (function flatten(part, prefix) {
    for (const [name, value] of Object.entries(part)) {
      if (typeof value === 'string') keys.push(`${prefix}${name}`.replace(/_(zero|one|two|few|many|other)$/, ''));
      else flatten(value, `${prefix}${name}.`);
    }
  })(table, '');

  const strings = new Set();
  const templateStarts = new Set();
  for (const { path, text } of files) {
    const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false, path.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    (function visit(node) {
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) strings.add(node.text);
      else if (ts.isTemplateExpression(node)) {
        if (node.head.text.includes('.')) templateStarts.add(node.head.text);
        for (const span of node.templateSpans) if (span.literal.text) strings.add(span.literal.text.replace(/^[_\-.]/, ''));
      }
      ts.forEachChild(node, visit);
    })(file);
  }

  /** Whether `rest` is strings and numbers joined by `_`, `-` or `.`: `not_configured_wordpress` from 'not_configured' and 'wordpress'. */
  const pieced = (rest) => {
    if (strings.has(rest) || /^\d+$/.test(rest)) return true;
    for (let at = 1; at < rest.length - 1; at++) if ('_-.'.includes(rest[at]) && pieced(rest.slice(0, at)) && pieced(rest.slice(at + 1))) return true;
    return false;
  };
  const built = (key) => [...templateStarts].some((start) => key.startsWith(start) && pieced(key.slice(start.length)));
  return [...new Set(keys)].filter((key) => !strings.has(key) && !built(key));
}

/** The app's sources that may ask for a message: renderer/ and shared/, without tests and the tables themselves. */
export function messageSources(root = '.') {
  const walk = (dir) =>
    readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return walk(path);
      return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !/^renderer\/i18n\/(vi|en)\.ts$/.test(path) ? [path] : [];
    });
  return [...walk('renderer'), ...walk('shared')].map((path) => ({ path, text: readFileSync(join(root, path), 'utf8') }));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const tablePath = 'renderer/i18n/vi.ts';
  const table = await readMessageTable(readFileSync(tablePath, 'utf8'));
  const unused = unusedMessages(table, messageSources());
  if (unused.length) {
    console.error(`Messages no code asks for (delete them from vi.ts and en.ts, or use them):\n${unused.map((key) => `  ${key}`).join('\n')}`);
    process.exit(1);
  }
  console.log(`Messages: every one in ${tablePath} is asked for.`);
}
