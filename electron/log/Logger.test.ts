import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { makeTempDir } from '../../tests/support/tempDir';
import { createLogger } from './Logger';

let dir: string;
let remove: () => Promise<void>;
beforeEach(async () => ({ dir, remove } = await makeTempDir()));
afterEach(() => remove());

/** The log file's lines once `count` of them are there: the logger appends in the background. */
async function logLines(count: number): Promise<string[]> {
  for (let tries = 0; tries < 200; tries++) {
    const text = await readFile(join(dir, 'logs', 'dateline.log'), 'utf8').catch(() => '');
    const lines = text.split('\n').slice(0, -1);
    if (lines.length >= count) return lines;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`the log never reached ${count} lines`);
}

it('writes one line per event, whatever control characters a file name or a detail carries', async () => {
  const log = createLogger(dir, { quiet: true });
  const forged = '2026-01-01T00:00:00.000Z error all stories deleted';
  log.info(`imported bai.docx\r\n${forged} as story s1`);
  log.info('imported x.docx\u2028fake\u0085line\u001b[31mred\u202egnp.exe', { fileName: 'a\u2029b' });
  log.info('refused', new Error(`c.docx\n${forged}`));
  log.info('last');

  const lines = await logLines(4);
  expect(lines).toHaveLength(4);
  expect(lines.map((line) => line.split(' ')[2])).toEqual(['imported', 'imported', 'refused', 'last']);
  expect(lines[0]).toContain(`bai.docx\\r\\n${forged}`);
  expect(lines[1]).toContain('x.docx\\u2028fake\\u0085line\\u001b[31mred\\u202egnp.exe {"fileName":"a\\u2029b"}');
  expect(lines[2]).toContain(`c.docx\\n${forged}`);
  for (const line of lines) expect(line).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z info /);
});
