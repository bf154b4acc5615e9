// What `npm start` does once the app is built: the desktop app, or the web host with --open where Electron's
// binary is missing. The web host prints its address and says so when no browser could be opened. Kept apart
// from the build so a test can run the very start path against an existing build.
import { spawn } from 'node:child_process';
import { findElectronBinary } from './electronBinary.mjs';

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
