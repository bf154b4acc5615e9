// `npm start`: build, then open the desktop app; where Electron's binary is missing, open the same app in the
// browser through the loopback web host, so a new user always gets a working Dateline.
import { spawn, spawnSync } from 'node:child_process';
import { findElectronBinary } from './electronBinary.mjs';

const build = spawnSync(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const electron = findElectronBinary();
const args = process.argv.slice(2);
let child;
if (electron.path) {
  // Chromium refuses to run as root with its sandbox on; the app's own renderer sandbox stays on.
  const rootArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  child = spawn(electron.path, ['.', ...rootArgs, ...args], { stdio: 'inherit' });
} else {
  console.log(`Electron cannot start here: ${electron.reason}. Opening Dateline in your browser instead.`);
  child = spawn(process.execPath, ['out/main/webhost.js', '--open', ...args], { stdio: 'inherit' });
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
