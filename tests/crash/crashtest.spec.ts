import { spawnSync } from 'node:child_process';
import { expect, test } from '@playwright/test';

// The store killed with SIGKILL 50 times while three writers save: no acknowledged save may be lost, no story
// file may be left unreadable, and the story list must agree with the files. `npm run crashtest -- --kills 1000`
// runs the same for longer.
test('50 kills of the running store lose no acknowledged save and leave no unreadable file', () => {
  test.setTimeout(600_000);
  const run = spawnSync(process.execPath, ['scripts/crashtest.mjs', '--kills', '50'], { encoding: 'utf8', timeout: 590_000 });
  const output = `${run.stdout}${run.stderr}`;
  console.log(output.trim().split('\n').at(-1));
  const line = /kills (\d+), acknowledged saves (\d+), lost (\d+), unreadable (\d+), quarantined (\d+)/.exec(output);
  expect(line, output).not.toBeNull();
  const [, kills, acknowledged, lost, unreadable] = line!.map(Number);
  expect(kills).toBe(50);
  expect(acknowledged).toBeGreaterThan(100);
  expect({ lost, unreadable }).toEqual({ lost: 0, unreadable: 0 });
  expect(run.status, output).toBe(0);
});
