import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { messageSources, readMessageTable, unusedMessages } from '../../scripts/unusedMessages.mjs';

const table = await readMessageTable(readFileSync('renderer/i18n/vi.ts', 'utf8'));
const part = (name: string) => table[name] as Record<string, unknown>;
const sources = messageSources();

/** What the compiler says of a component file that calls `t` with these keys, checked against the real tables. */
function typeErrorsOf(calls: string): string[] {
  const probe = 'renderer/i18n/__probe__.tsx';
  const text = `import { useTranslation } from 'react-i18next';\nexport function Probe() {\n  const { t } = useTranslation();\n  return <p>{${calls}}</p>;\n}\n`;
  const options: ts.CompilerOptions = { ...ts.parseJsonConfigFileContent(ts.readConfigFile('tsconfig.web.json', ts.sys.readFile).config, ts.sys, '.').options, noEmit: true };
  const host = ts.createCompilerHost(options);
  const readFile = host.getSourceFile;
  host.getSourceFile = (name, ...rest) => (name.endsWith('__probe__.tsx') ? ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX) : readFile(name, ...rest));
  const program = ts.createProgram([probe, 'renderer/i18n/i18next.d.ts'], options, host);
  return ts.getPreEmitDiagnostics(program).filter((d) => d.file?.fileName.endsWith('__probe__.tsx')).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('message keys', () => {
  it('every message in vi.ts is asked for by the app', () => {
    expect(unusedMessages(table, sources)).toEqual([]);
  });

  it('a message nobody asks for is named, as one asked for only by a template is not', () => {
    const planted = { ...table, library: { ...part('library'), neverAsked: 'Không ai hỏi' }, outbox: { ...part('outbox'), state: { ...(part('outbox').state as object), lost: 'Mất' } } } as typeof table;
    expect(unusedMessages(planted, sources)).toEqual(['library.neverAsked', 'outbox.state.lost']);
    expect(unusedMessages(planted, [...sources, { path: 'renderer/x.ts', text: "export const lost = 'lost';" }])).toEqual(['library.neverAsked']);
  });

  it('a key the tables do not have fails the typecheck, one they have passes', () => {
    // One program for both, since building it is the slow part.
    const errors = typeErrorsOf("t('library.title') + t('library.titel')");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('library.titel');
  });
});
