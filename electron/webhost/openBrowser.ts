import { spawn } from 'node:child_process';

export type BrowserOpened = { opened: true; via: string } | { opened: false; reason: string };

export interface OpenBrowserOptions {
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  /**
   * How long an opener may run before it is taken to have opened the page. xdg-open and open exit as soon as
   * the browser has the address (non-zero when there is none); a browser named in $BROWSER may instead stay
   * running for as long as its window is open. @default 5000
   */
  settleMs?: number;
}

/**
 * Opens an address in the user's browser: each command in $BROWSER (a colon-separated list, `%s` standing for
 * the address), then the system's opener. Says why when none did, so the caller can tell the user to open the
 * address by hand instead of leaving them waiting for a window that never comes.
 */
export async function openBrowser(url: string, options: OpenBrowserOptions = {}): Promise<BrowserOpened> {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const settleMs = options.settleMs ?? 5_000;
  const reasons: string[] = [];
  for (const command of (env.BROWSER ?? '').split(':').map((entry) => entry.trim()).filter(Boolean)) {
    // The convention's %s is the address; a bare command name gets it as its one argument.
    const [program = '', ...args] = command.split(/\s+/);
    const withUrl = command.includes('%s') ? args.map((arg) => arg.replaceAll('%s', url)) : [...args, url];
    const outcome = await run(program, withUrl, env, settleMs);
    if (outcome === null) return { opened: true, via: program };
    reasons.push(`$BROWSER's ${program} ${outcome}`);
  }
  // cmd's start, unlike explorer, exits non-zero when nothing could open the address. Its first quoted argument is a
  // window title, hence the empty one.
  const [opener, ...openerArgs] = platform === 'darwin' ? ['open'] : platform === 'win32' ? ['cmd', '/c', 'start', ''] : ['xdg-open'];
  if (platform !== 'darwin' && platform !== 'win32' && !env.DISPLAY && !env.WAYLAND_DISPLAY) {
    reasons.push('there is no graphical display (neither DISPLAY nor WAYLAND_DISPLAY is set)');
  } else {
    const outcome = await run(opener!, [...openerArgs, url], env, settleMs);
    if (outcome === null) return { opened: true, via: opener! };
    reasons.push(`${opener} ${outcome}`);
  }
  return { opened: false, reason: reasons.join('; ') };
}

/** Runs an opener; null when it opened the page (or is still at it), else what went wrong, in words. */
function run(program: string, args: string[], env: NodeJS.ProcessEnv, settleMs: number): Promise<string | null> {
  return new Promise((resolve) => {
    const child = spawn(program, args, { stdio: 'ignore', detached: true, env });
    const timer = setTimeout(() => {
      child.unref();
      resolve(null);
    }, settleMs);
    timer.unref();
    child.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve(error.code === 'ENOENT' ? 'was not found' : `could not be started (${error.message})`);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(code === 0 ? null : `failed (${signal ?? `exit code ${code}`})`);
    });
  });
}
