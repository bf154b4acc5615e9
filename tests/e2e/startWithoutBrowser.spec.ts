import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { makeTempDir } from '../support/tempDir';
import { expect, test } from './webHostFixture';

// `npm start` on a machine where Electron cannot run and no browser can be opened: a server with no desktop, a
// container, a fresh laptop without xdg-utils. It must say so and print the address, not wait in silence.
const machines = [
  { name: 'with a display but no browser opener on PATH', env: { DISPLAY: ':99' }, reason: 'xdg-open was not found' },
  { name: 'with no display at all', env: {}, reason: 'there is no graphical display' },
];

for (const machine of machines) {
  test(`npm start ${machine.name} says it could not open a browser and prints the address, which opens the app`, async ({ page }) => {
    test.skip(process.platform !== 'linux', 'the machine without a browser is simulated with a Linux PATH and DISPLAY');
    const data = await makeTempDir('dateline-start-data-');
    const emptyBin = await makeTempDir('dateline-no-browser-');
    let output = '';
    let child: ChildProcess | null = null;
    try {
      // The start path after its build (scripts/start.mjs builds, then runs this), with no Electron binary, no
      // $BROWSER and a PATH that holds nothing, so no browser opener can be found.
      child = spawn(process.execPath, ['scripts/startBuilt.mjs', '--data', data.dir, '--port', '0'], {
        env: { PATH: emptyBin.dir, HOME: data.dir, ELECTRON_OVERRIDE_DIST_PATH: emptyBin.dir, ...machine.env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));

      const told = /Could not open a browser: (.*)\.\nOpen this address in a browser yourself: (http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+)\n/;
      await expect.poll(() => output, { timeout: 60_000 }).toMatch(told);
      expect(output).toContain('Electron cannot start here');
      const [, reason, address] = told.exec(output)!;
      expect(reason).toContain(machine.reason);

      // The address printed is the whole way in: the reporter pastes it into a browser and gets the app.
      await page.goto(address!);
      await expect(page.getByRole('button', { name: 'Bài mới' })).toBeVisible();
      await page.getByRole('button', { name: 'Bài mới' }).click();
      await expect(page.getByRole('textbox', { name: 'Soạn bài' })).toBeFocused();
    } finally {
      // The tab closes first, as the reporter's would: the host then stops without waiting on its connections.
      await page.close();
      if (child && child.exitCode === null) {
        const exited = once(child, 'exit');
        child.kill('SIGTERM');
        await exited;
      }
      await emptyBin.remove();
      await data.remove();
    }
  });
}
