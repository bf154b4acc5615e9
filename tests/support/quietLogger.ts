import type { Logger } from '../../electron/log/Logger';

/** A logger that keeps what it was told, so a test can assert that a problem was reported. */
export function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const record = (level: string) => (message: string) => void lines.push(`${level} ${message}`);
  return { lines, info: record('info'), warn: record('warn'), error: record('error') };
}
