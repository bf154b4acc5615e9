import { mkdir, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../tests/support/tempDir';
import { recordingLogger } from '../../tests/support/quietLogger';
import { createServices } from '../services/createServices';
import { WebHost } from './WebHost';

let dir: string;
let remove: () => Promise<void>;
let host: WebHost;
let services: Awaited<ReturnType<typeof createServices>>;

beforeEach(async () => {
  ({ dir, remove } = await makeTempDir());
  const staticRoot = join(dir, 'renderer');
  await mkdir(join(staticRoot, 'assets'), { recursive: true });
  await writeFile(join(staticRoot, 'index.html'), '<!doctype html><title>Dateline</title>');
  await writeFile(join(staticRoot, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(dir, 'secret.txt'), 'outside the renderer');
  services = await createServices({ dataDir: join(dir, 'library'), log: recordingLogger() });
  host = new WebHost({ services, staticRoot, port: 0, token: 'tok' });
  await host.start();
});
afterEach(async () => {
  await host.stop();
  await services.close();
  await remove();
});

/** A raw request, so that paths and headers reach the server exactly as written. */
function send(path: string, { method = 'GET', headers = {} as Record<string, string>, body = '' } = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; text: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, method, headers: { host: `127.0.0.1:${host.port}`, ...headers } }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const api = (method: string, headers: Record<string, string> = {}, body = '{}') =>
  send(`/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer tok', ...headers }, body });

describe('WebHost', () => {
  it('prints a loopback URL with its token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=tok`);
  });

  it('answers API calls that carry the token', async () => {
    const response = await api('stories.list');
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text).items).toHaveLength(1);
  });

  it('answers a method name with a malformed escape as unknown (404), not as a server error', async () => {
    for (const method of ['stories.list%', 'stories%c0%ae', '%E0%A4%A']) {
      const response = await api(method);
      expect(response.status, method).toBe(404);
      expect(JSON.parse(response.text).error.code).toBe('not_found');
    }
  });

  it('refuses an API call without the right token with 401', async () => {
    expect((await api('stories.list', { authorization: '' })).status).toBe(401);
    expect((await api('stories.list', { authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await api('stories.list', { authorization: 'tok' })).status).toBe(401);
  });

  it('refuses a foreign Origin or Host with 403, even with the token', async () => {
    expect((await api('stories.list', { origin: 'http://example.org' })).status).toBe(403);
    expect((await api('stories.list', { origin: 'null' })).status).toBe(403);
    expect((await api('stories.list', { host: 'evil.example:80' })).status).toBe(403);
    expect((await api('stories.list', { origin: `http://localhost:${host.port}` })).status).toBe(200);
  });

  it('sends no CORS headers and a strict CSP', async () => {
    const response = await api('stories.list', { origin: `http://127.0.0.1:${host.port}` });
    expect(Object.keys(response.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    const page = await send('/');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.text).toContain('<title>Dateline</title>');
  });

  it('answers only POST with JSON on the API', async () => {
    expect((await send('/api/stories.list', { headers: { authorization: 'Bearer tok' } })).status).toBe(405);
    expect((await api('stories.list', { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await api('stories.list', {}, '{not json')).status).toBe(400);
    expect((await api('no.such.method')).status).toBe(404);
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt', '/%252e%252e/secret.txt', '/assets/%00.js']) {
      const response = await send(path);
      expect(response.text, path).not.toContain('outside the renderer');
    }
    expect((await send('/assets/app.js')).text).toBe('console.log(1)');
  });

  it('serves a photo by id with the token, and nothing else under /media', async () => {
    const jpeg = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#e9c46a' } }).jpeg().toBuffer();
    const imported = JSON.parse((await api('media.import', {}, JSON.stringify({ fileName: 'a.jpg', dataBase64: jpeg.toString('base64') }))).text);
    const photo = await send(`/media/${imported.id}/original?token=tok`);
    expect(photo.status).toBe(200);
    expect(photo.headers['content-type']).toBe('image/jpeg');
    expect((await send(`/media/${imported.id}/thumb?token=tok`)).status).toBe(200);
    expect((await send(`/media/${imported.id}/thumb`)).status).toBe(401);
    expect((await send(`/media/${imported.id}/thumb?token=wrong`)).status).toBe(401);
    for (const path of [
      `/media/${imported.id}/..%2f..%2f..%2fsecret.txt?token=tok`,
      '/media/..%2f..%2fsecret.txt/original?token=tok',
      '/media/%2e%2e/%2e%2e?token=tok',
      `/media/${imported.id}/../../secret.txt?token=tok`,
      '/media/..\\..\\secret.txt/display?token=tok',
      `/media/${imported.id}%00/original?token=tok`,
      `/media/${imported.id}/original/extra?token=tok`,
      '/media/%252e%252e%252fsecret.txt/original?token=tok',
    ]) {
      const response = await send(path);
      expect(response.status, path).toBe(404);
      expect(response.text, path).not.toContain('outside the renderer');
    }
  });

  it('serves index.html for client-side routes', async () => {
    expect((await send('/stories/abc')).text).toContain('<title>Dateline</title>');
  });
});

describe('WebHost request bodies over the limit', () => {
  const limit = 64 * 1024 * 1024;

  /**
   * Starts an API call and feeds its body through `feed` for as long as no answer has come; resolves with the
   * answer's status and how many body bytes had been sent when it came. The socket is torn down afterwards.
   */
  function upload(headers: Record<string, string>, feed: (write: (chunk: Buffer) => boolean) => Promise<void>) {
    return new Promise<{ status: number; sent: number; text: string }>((resolve, reject) => {
      let sent = 0;
      let answered = false;
      const req = request(
        { host: '127.0.0.1', port: host.port, path: '/api/stories.list', method: 'POST', headers: { host: `127.0.0.1:${host.port}`, 'content-type': 'application/json', authorization: 'Bearer tok', ...headers } },
        (res) => {
          answered = true;
          const at = sent;
          let text = '';
          res.on('data', (chunk) => (text += chunk));
          res.on('end', () => {
            req.destroy();
            resolve({ status: res.statusCode ?? 0, sent: at, text });
          });
        },
      );
      // Writing into a connection the server has closed fails; the answer, already read, is what counts.
      req.on('error', (error) => (answered ? undefined : reject(error)));
      void feed((chunk) => {
        if (answered || req.destroyed) return false;
        sent += chunk.length;
        req.write(chunk);
        return true;
      });
    });
  }

  const pause = () => new Promise((resolve) => setTimeout(resolve, 20));

  it('answers 413 from a declared Content-Length over the limit, before the body is sent', async () => {
    const answer = await upload({ 'content-length': String(limit + 1) }, async (write) => {
      write(Buffer.from('{"a":"'));
      // The rest of the body never comes unless the answer does not either: only the header can decide.
      while (write(Buffer.alloc(0))) await pause();
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.text).error).toMatchObject({ code: 'invalid_input', message: 'the request body is too large' });
    expect(answer.sent).toBeLessThan(100);
    // The host still answers afterwards.
    expect((await api('stories.list')).status).toBe(200);
  });

  it('answers 413 to a chunked body once its bytes pass the limit', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    const answer = await upload({}, async (write) => {
      for (let index = 0; index < 200 && write(chunk); index++) await pause();
    });
    expect(answer.status).toBe(413);
    expect(answer.sent).toBeGreaterThan(limit);
    expect(answer.sent).toBeLessThan(limit + 16 * 1024 * 1024);
    expect((await api('stories.list')).status).toBe(200);
  });
});
