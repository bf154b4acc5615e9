// `npm run dev`: hot reload. With Electron, electron-vite's dev mode; without it, the web host for the API
// and Vite's dev server for the renderer, which forwards /api to the host.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { findElectronBinary } from './electronBinary.mjs';

const electron = findElectronBinary();
const children = [];
const run = (command, args, env = {}) => {
  const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  children.push(child);
  child.on('exit', (code) => {
    for (const other of children) other.kill();
    process.exit(code ?? 0);
  });
};
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => children.forEach((c) => c.kill(signal)));

if (electron.path) {
  run(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'dev', ...(process.getuid?.() === 0 ? ['--noSandbox'] : [])]);
} else {
  console.log(`Electron cannot start here: ${electron.reason}. Running the web host with hot reload instead.`);
  const token = process.env.DATELINE_WEB_TOKEN ?? randomBytes(24).toString('base64url');
  const apiPort = '5198';
  const build = spawnSync(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  run(process.execPath, ['out/main/webhost.js', '--port', apiPort], { DATELINE_WEB_TOKEN: token });
  run(process.execPath, ['node_modules/vite/bin/vite.js', '--config', 'scripts/vite.dev-web.config.mjs'], { DATELINE_API_PORT: apiPort });
  console.log(`Dateline (hot reload): http://127.0.0.1:5173/?token=${token}`);
}
