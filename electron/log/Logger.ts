import { appendFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';

export interface Logger {
  info(message: string, detail?: unknown): void;
  warn(message: string, detail?: unknown): void;
  error(message: string, detail?: unknown): void;
}

/**
 * Characters that end a line or rewrite what a reader sees: C0 and C1 controls (CR and LF among them), DEL, the
 * Unicode line and paragraph separators, and the bidirectional overrides. A file name is the reporter's (or an
 * attacker's) text; unescaped, `a.docx\r\n<date> error …` would forge a second event in the log the desk reads.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point.
const unsafeInLine = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `text` with every character that could break or disguise a log line written as an escape, so one event stays one line. */
function escapeLogText(text: string): string {
  return text.replace(unsafeInLine, (char) => named[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Writes one line per event to stderr and to `<data>/logs/dateline.log`, so a reporter can send the desk a
 * log of what went wrong. What it is told is escaped (escapeLogText), so one event is always one line. Logging
 * never throws: a full disk must not turn a warning into a crash.
 */
export function createLogger(dataDir: string | null, { quiet = false } = {}): Logger {
  const folder = dataDir ? join(dataDir, 'logs') : null;
  let ready: Promise<unknown> | null = folder ? mkdir(folder, { recursive: true }).catch(() => undefined) : null;
  const write = (level: string, message: string, detail?: unknown) => {
    const extra = detail === undefined ? '' : ` ${detail instanceof Error ? detail.message : JSON.stringify(detail)}`;
    const line = `${new Date().toISOString()} ${level} ${escapeLogText(`${message}${extra}`)}`;
    if (!quiet || level !== 'info') process.stderr.write(`${line}\n`);
    if (folder && ready) ready = ready.then(() => appendFile(join(folder, 'dateline.log'), `${line}\n`)).catch(() => undefined);
  };
  return {
    info: (message, detail) => write('info', message, detail),
    warn: (message, detail) => write('warn', message, detail),
    error: (message, detail) => write('error', message, detail),
  };
}
