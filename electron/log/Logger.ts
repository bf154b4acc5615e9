import { appendFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';

export interface Logger {
  info(message: string, detail?: unknown): void;
  warn(message: string, detail?: unknown): void;
  error(message: string, detail?: unknown): void;
}

/**
 * Writes one line per event to stderr and to `<data>/logs/dateline.log`, so a reporter can send the desk a
 * log of what went wrong. Logging never throws: a full disk must not turn a warning into a crash.
 */
export function createLogger(dataDir: string | null, { quiet = false } = {}): Logger {
  const folder = dataDir ? join(dataDir, 'logs') : null;
  let ready: Promise<unknown> | null = folder ? mkdir(folder, { recursive: true }).catch(() => undefined) : null;
  const write = (level: string, message: string, detail?: unknown) => {
    const extra = detail === undefined ? '' : ` ${detail instanceof Error ? detail.message : JSON.stringify(detail)}`;
    const line = `${new Date().toISOString()} ${level} ${message}${extra}`;
    if (!quiet || level !== 'info') process.stderr.write(`${line}\n`);
    if (folder && ready) ready = ready.then(() => appendFile(join(folder, 'dateline.log'), `${line}\n`)).catch(() => undefined);
  };
  return {
    info: (message, detail) => write('info', message, detail),
    warn: (message, detail) => write('warn', message, detail),
    error: (message, detail) => write('error', message, detail),
  };
}
