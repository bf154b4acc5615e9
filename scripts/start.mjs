// `npm start`: build, then open the app (scripts/startBuilt.mjs): the desktop window, or, where Electron's binary
// is missing, the same app in the browser through the loopback web host, so a new user always gets a working
// Dateline.
import { spawnSync } from 'node:child_process';

const build = spawnSync(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
await import('./startBuilt.mjs');
