import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { mimeTypeOf } from '../http/mimeTypes';
import { resolveInsideRoot } from '../security/resolveInsideRoot';

/** Serves a file of the built renderer; a path without an extension is a client-side route and gets index.html. */
export async function serveStatic(root: string, urlPath: string, response: ServerResponse): Promise<void> {
  const wanted = urlPath === '/' || !extname(urlPath) ? '/index.html' : urlPath;
  const file = resolveInsideRoot(root, wanted);
  if (!file) return sendPlain(response, 404, 'not found');
  const isIndex = file === join(resolve(root), 'index.html');
  try {
    const info = await stat(file);
    if (!info.isFile()) return sendPlain(response, 404, 'not found');
    response.writeHead(200, {
      'content-type': mimeTypeOf(file),
      'content-length': info.size,
      // Built assets carry a content hash in their names; the page itself must always be fresh.
      'cache-control': isIndex ? 'no-store' : 'public, max-age=31536000, immutable',
    });
    createReadStream(file).pipe(response);
  } catch {
    sendPlain(response, 404, isIndex ? 'The app is not built yet: run `npm run build`.' : 'not found');
  }
}

export function sendPlain(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  response.end(text);
}
