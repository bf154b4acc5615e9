import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../config/defaultDataDir';
import { createLogger, type Logger } from '../log/Logger';
import { createServices } from '../services/createServices';
import { openBrowser } from './openBrowser';
import { WebHost } from './WebHost';
import { loadWebHostToken } from './webHostToken';

// `npm run web -- --port P --data DIR [--open] [--rotate-token]`: the app in a browser, on 127.0.0.1 only. The
// token is kept in the data folder (webHostToken.ts), so a tab left open works again after a restart;
// --rotate-token makes a new one, and DATELINE_WEB_TOKEN, when set, is used instead of the file's.

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    data: { type: 'string' },
    open: { type: 'boolean', default: false },
    'rotate-token': { type: 'boolean', default: false },
  },
});

/** Without --port, the usual port, or any free one when another program holds it. */
const preferredPort = 5199;
const port = values.port === undefined ? preferredPort : Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Dateline web host: --port must be a port number, not "${values.port}"`);
  process.exit(2);
}
const dataDir = resolve(values.data ?? defaultDataDir());

// Every promise is meant to be handled; one that is not is logged as the bug it is, and the host keeps serving
// instead of Node 20 ending it with every unsaved edit in its browsers.
let log: Logger = createLogger(null);
process.on('unhandledRejection', (reason) => log.error('a promise failed with nothing to handle it', reason instanceof Error ? reason : String(reason)));
// The bundle is out/main/webhost.js and the renderer is built beside it in out/renderer.
const staticRoot = join(dirname(fileURLToPath(import.meta.url)), '..', 'renderer');

try {
  // The WordPress target comes from DATELINE_WP_URL, _USER and _APP_PASSWORD: a browser has no OS key store to keep
  // a password in, and a file would hold it in plain text.
  const services = await createServices({ dataDir, env: process.env });
  log = services.log;
  // Read after createServices, which holds the data folder's lock: no other host writes the file meanwhile.
  const kept = await loadWebHostToken({ dataDir, rotate: values['rotate-token'], quarantine: services.quarantine, log: services.log });
  let host = new WebHost({ services, staticRoot, port, token: process.env.DATELINE_WEB_TOKEN || kept.token });
  try {
    await host.start();
  } catch (error) {
    if (values.port !== undefined || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    host = new WebHost({ services, staticRoot, port: 0, token: host.token });
    await host.start();
  }
  console.log(`Dateline web host: ${host.url}`);
  console.log(`Library: ${dataDir}`);
  if (kept.source === 'rotated') console.log('A new access token was made: tabs opened with the old address must be opened again at the one above.');
  const shutdown = () => void host.stop().then(() => services.close()).finally(() => process.exit(0));
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  if (values.open) {
    const browser = await openBrowser(host.url);
    // The address is the one thing a user on a machine without a browser needs, so it is said again, plainly.
    if (!browser.opened) console.log(`Could not open a browser: ${browser.reason}.\nOpen this address in a browser yourself: ${host.url}`);
  }
} catch (error) {
  const reason = (error as NodeJS.ErrnoException).code === 'EADDRINUSE' ? `port ${port} is already in use; pick another with --port` : (error as Error).message;
  console.error(`Dateline web host could not start: ${reason}`);
  process.exit(1);
}
