import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { isMediaVariant, mediaIdSchema } from '../../shared/media/mediaSchema';
import type { MediaLibrary } from '../media/MediaLibrary';

/**
 * The one media route, for both transports: `<id>/<variant>` (what follows `/media/` on the web host, and the
 * path of `dateline-media://media/…` in the shell) answered as a fetch Response. A photo is found by its id,
 * never by a path: the id and the variant are checked before the library is asked for a file.
 */
export async function mediaResponse(media: Pick<MediaLibrary, 'filePath'>, path: string, method = 'GET'): Promise<Response> {
  if (method !== 'GET' && method !== 'HEAD') return plain(405, 'method not allowed', { allow: 'GET, HEAD' });
  const [, id = '', variant = ''] = /^\/?([^/]+)\/([^/]+)$/.exec(path) ?? [];
  const file = mediaIdSchema.safeParse(id).success && isMediaVariant(variant) ? media.filePath(id, variant) : null;
  if (!file) return plain(404, 'not found');
  try {
    const info = await stat(file.path);
    if (!info.isFile()) return plain(404, 'the photo file is missing');
    const headers = { 'content-type': file.mimeType, 'content-length': String(info.size), 'cache-control': 'private, max-age=31536000, immutable' };
    if (method === 'HEAD') return new Response(null, { status: 200, headers });
    return new Response(Readable.toWeb(createReadStream(file.path)) as ReadableStream<Uint8Array>, { status: 200, headers });
  } catch {
    return plain(404, 'the photo file is missing');
  }
}

function plain(status: number, text: string, headers: Record<string, string> = {}): Response {
  return new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers } });
}
