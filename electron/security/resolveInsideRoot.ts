import { normalize, resolve, sep } from 'node:path';

/**
 * Maps a URL path onto a file under `root`, or null when it would leave it. The path is decoded exactly once
 * (so `%2e%2e` is a dot-dot, and `%252e` stays a harmless literal), backslashes count as separators, and a NUL
 * byte is refused.
 */
export function resolveInsideRoot(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const base = resolve(root);
  const file = resolve(base, `.${normalize(`/${decoded.replace(/\\/g, '/')}`)}`);
  return file === base || file.startsWith(base + sep) ? file : null;
}
