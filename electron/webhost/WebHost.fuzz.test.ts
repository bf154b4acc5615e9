import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../tests/support/tempDir';
import { recordingLogger } from '../../tests/support/quietLogger';
import { createServices } from '../services/createServices';
import { WebHost } from './WebHost';

// Hundreds of hostile paths and headers against a real WebHost on 127.0.0.1. Beside the data folder and the
// renderer root lies a file holding a canary string (and another inside the data folder, outside media/): no
// response may carry it, no /api or /media request without the token may succeed, and the host must still
// answer normally afterwards. The variants are generated as a table of bases × encodings.

const token = 'fuzz-token-0123456789';
const canary = `CANARY-${randomBytes(12).toString('hex')}`;
const indexHtml = '<!doctype html><title>Dateline</title>';
const appJs = 'console.log(1)';

let root: string;
let remove: () => Promise<void>;
let host: WebHost;
let services: Awaited<ReturnType<typeof createServices>>;
let photoId: string;
let secretPath: string;
let dataSecretPath: string;

beforeAll(async () => {
  ({ dir: root, remove } = await makeTempDir('dateline-fuzz-'));
  const staticRoot = join(root, 'renderer');
  await mkdir(join(staticRoot, 'assets'), { recursive: true });
  await writeFile(join(staticRoot, 'index.html'), indexHtml);
  await writeFile(join(staticRoot, 'assets', 'app.js'), appJs);
  secretPath = join(root, 'secret.txt');
  await writeFile(secretPath, `outside the data folder and the renderer: ${canary}`);
  services = await createServices({ dataDir: join(root, 'library'), log: recordingLogger() });
  dataSecretPath = join(root, 'library', 'secret.txt');
  await writeFile(dataSecretPath, `inside the data folder, outside media: ${canary}`);
  host = new WebHost({ services, staticRoot, port: 0, token });
  await host.start();
  const jpeg = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#e9c46a' } }).jpeg().toBuffer();
  photoId = (await services.media.import('a.jpg', jpeg)).id;
});
afterAll(async () => {
  await host?.stop();
  await services?.close();
  await remove?.();
});

interface Variant {
  /** What it tries, for the failure message. */
  name: string;
  method: string;
  /** Written on the request line exactly as it is here. */
  path: string;
  headers: Record<string, string>;
  /** Leave out the Host header altogether. */
  noHost?: boolean;
  /** Carries the right token in the place its route takes it: the Authorization header for /api, ?token= for /media. */
  authorized: boolean;
  /** A foreign Host or Origin: must be refused with 403 whatever else it carries. */
  foreign?: boolean;
  /** Aims at a file outside the routes: must never be answered with 200 on /api or /media. */
  traversal?: boolean;
}

interface Answer {
  status: number;
  headers: Record<string, unknown>;
  text: string;
}

/** A raw request, so that paths and headers reach the server exactly as written. */
function send(variant: Variant): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers = variant.noHost ? variant.headers : { host: `127.0.0.1:${host.port}`, ...variant.headers };
    // setHost off: node:http would otherwise put its own Host in place of an empty one.
    const req = request(
      { host: '127.0.0.1', port: host.port, path: variant.path, method: variant.method, headers, setHost: false, agent: false },
      (res) => {
        let text = '';
        res.setEncoding('latin1');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      },
    );
    req.on('error', reject);
    req.end(variant.method === 'POST' ? '{}' : undefined);
  });
}

/** Ways to write one `../`. */
const dotDots = [
  '../',
  '..%2f',
  '..%2F',
  '%2e%2e/',
  '%2E%2E%2F',
  '%2e%2e%2f',
  '.%2e/',
  '%2e./',
  '%252e%252e%252f',
  '..%252f',
  '%252e%252e/',
  '..\\',
  '..%5c',
  '..%5C',
  '%2e%2e%5c',
  '..%255c',
  '%c0%ae%c0%ae/',
  '%c0%ae%c0%ae%c0%af',
  '%e0%80%ae%e0%80%ae/',
  '..%c0%af',
  '..%c1%9c',
  '%ef%bc%8e%ef%bc%8e/',
  '..%00/',
  '....//',
  '..;/',
  './../',
  '..//',
];

/**
 * Where a `../` can be slipped in; `t` is one `../` as written. Each climbs eight levels, more than the temp
 * folder is deep (extra `../` stop at the file-system root), then walks down to the secret by its absolute path,
 * so it reaches the secret from the renderer root, the data folder or its media folder alike.
 */
const up = (t: string, secret = secretPath) => `${t.repeat(8)}${secret.replace(/\\/g, '/').replace(/^[A-Za-z]:/, '').replace(/^\//, '')}`;
const traversalBases: { name: string; method: string; route: 'api' | 'media' | 'static'; path: (t: string) => string }[] = [
  { name: 'static, from the root', method: 'GET', route: 'static', path: (t) => `/${up(t)}` },
  { name: 'static, from assets', method: 'GET', route: 'static', path: (t) => `/assets/${up(t)}` },
  { name: 'api, as the method', method: 'POST', route: 'api', path: (t) => `/api/${up(t)}` },
  { name: 'api, after a method', method: 'POST', route: 'api', path: (t) => `/api/stories.list/${up(t)}` },
  { name: 'media, in the id', method: 'GET', route: 'media', path: (t) => `/media/${up(t)}/original` },
  { name: 'media, in the variant', method: 'GET', route: 'media', path: (t) => `/media/${photoId}/${up(t)}` },
  { name: 'media, after a real id', method: 'GET', route: 'media', path: (t) => `/media/${photoId}${up(t)}/original` },
  { name: 'media, into the data folder', method: 'GET', route: 'media', path: (t) => `/media/${up(t, dataSecretPath)}/display` },
];

const bearer = { authorization: `Bearer ${token}` };
const json = { 'content-type': 'application/json' };
const withQueryToken = (path: string, value = token) => `${path}${path.includes('?') ? '&' : '?'}token=${value}`;

function buildVariants(): Variant[] {
  const variants: Variant[] = [];
  const port = host.port;
  const photo = `/media/${photoId}/original`;

  // Traversal: every base × every way of writing `../`, with and without the token on the API and media routes.
  for (const base of traversalBases) {
    for (const t of dotDots) {
      const path = base.path(t);
      const name = `${base.name}: ${path}`;
      if (base.route === 'static') variants.push({ name, method: base.method, path, headers: {}, authorized: false, traversal: true });
      if (base.route === 'api') {
        variants.push({ name, method: base.method, path, headers: { ...json, ...bearer }, authorized: true, traversal: true });
        variants.push({ name: `${name} (no token)`, method: base.method, path, headers: json, authorized: false, traversal: true });
      }
      if (base.route === 'media') {
        variants.push({ name, method: base.method, path: withQueryToken(path), headers: {}, authorized: true, traversal: true });
        variants.push({ name: `${name} (no token)`, method: base.method, path, headers: {}, authorized: false, traversal: true });
      }
    }
  }

  // Absolute paths to the secret, raw and encoded, in every route.
  const absolute = secretPath.replace(/\\/g, '/');
  const encodedAbsolute = encodeURIComponent(secretPath);
  for (const path of [`/${absolute}`, `/${absolute.replace(/^\//, '')}`, `/${encodedAbsolute}`, `/assets/${encodedAbsolute}`, `/%2f${encodedAbsolute.replace(/^%2F/i, '')}`]) {
    variants.push({ name: `absolute, static: ${path}`, method: 'GET', path, headers: {}, authorized: false, traversal: true });
  }
  for (const segment of [encodedAbsolute, encodedAbsolute.replace(/%2F/gi, '%5c'), `file:${encodedAbsolute}`, `%252f${encodedAbsolute.replace(/^%2F/i, '')}`]) {
    for (const path of [`/media/${segment}/original`, `/media/${photoId}/${segment}`, `/api/${segment}`]) {
      const api = path.startsWith('/api/');
      variants.push({
        name: `absolute: ${path}`,
        method: api ? 'POST' : 'GET',
        path: api ? path : withQueryToken(path),
        headers: api ? { ...json, ...bearer } : {},
        authorized: true,
        traversal: true,
      });
    }
  }
  // An absolute-form request target, as a proxy would send it.
  for (const target of [`http://127.0.0.1:${port}/../secret.txt`, `http://evil.example/${absolute}`, `http://127.0.0.1:${port}/api/stories.list`]) {
    variants.push({ name: `absolute-form target: ${target}`, method: 'POST', path: target, headers: json, authorized: false, traversal: true });
  }

  // The API and media routes themselves, with /api/../.. and the like, trailing dots and slashes, mixed case.
  const apiPaths = [
    '/api/../..',
    '/api/../../secret.txt',
    '/api/..',
    '/api/.',
    '/api/',
    '/api',
    '/api/%2e%2e/%2e%2e/secret.txt',
    '/api/stories.list/',
    '/api/stories.list.',
    '/api/stories.list./',
    '/api/stories.list//',
    '/api/stories.list%00',
    '/api/stories.list%2f..%2f..',
    '/api/stories%2elist',
    '//api/stories.list',
    '/api//stories.list',
    '/./api/stories.list',
    '/x/../api/stories.list',
    '/API/stories.list',
    '/Api/stories.list',
    '/api/STORIES.LIST',
    '/api/Stories.List',
    '/api/stories.list?x=../../secret.txt',
    '/api/__proto__',
    '/api/constructor',
    '/api/stories.list%c0%ae',
    '/api/stories.list%',
  ];
  for (const path of apiPaths) {
    variants.push({ name: `api route: ${path}`, method: 'POST', path, headers: { ...json, ...bearer }, authorized: true });
    variants.push({ name: `api route: ${path} (no token)`, method: 'POST', path, headers: json, authorized: false });
  }
  const mediaPaths = [
    `${photo}/`,
    `${photo}.`,
    `${photo}./`,
    `${photo}//`,
    `/media/${photoId}./original`,
    `/media/${photoId}/`,
    `/media/${photoId}`,
    `/media//${photoId}/original`,
    `//media/${photoId}/original`,
    `/media/${photoId.toUpperCase()}/original`,
    `/media/${photoId}/ORIGINAL`,
    `/Media/${photoId}/original`,
    `/MEDIA/${photoId}/original`,
    `/media/${photoId}/original%00`,
    `/media/${photoId}/original%00.jpg`,
    `/media/${photoId}%00/original`,
    `/media/${photoId}/original%2f..%2f..%2fsecret.txt`,
    `/media/${photoId}/thumb%5c..%5c..%5csecret.txt`,
    `/media/..%2fmedia%2f${photoId}/original`,
    `/media/./${photoId}/original`,
    `/media/${photoId}/./original`,
    `/media/x/../${photoId}/original`,
    `/media/${photoId}/derived`,
    `/media/index.json/original`,
    '/media/%2e%2e/%2e%2e',
    '/media/../settings.json',
    '/media/',
  ];
  for (const path of mediaPaths) {
    variants.push({ name: `media route: ${path}`, method: 'GET', path: withQueryToken(path), headers: {}, authorized: true });
    variants.push({ name: `media route: ${path} (no token)`, method: 'GET', path, headers: {}, authorized: false });
  }

  // Missing, wrong or misplaced tokens on a call that works with the right one.
  const apiHeaders: [string, Record<string, string>, boolean][] = [
    ['no Authorization', {}, false],
    ['empty Authorization', { authorization: '' }, false],
    ['wrong token', { authorization: 'Bearer wrong' }, false],
    ['token as a prefix', { authorization: `Bearer ${token}x` }, false],
    ['token cut short', { authorization: `Bearer ${token.slice(0, -1)}` }, false],
    ['token in upper case', { authorization: `Bearer ${token.toUpperCase()}` }, false],
    ['scheme in lower case', { authorization: `bearer ${token}` }, false],
    ['no scheme', { authorization: token }, false],
    ['Basic scheme', { authorization: `Basic ${Buffer.from(`user:${token}`).toString('base64')}` }, false],
    ['two spaces', { authorization: `Bearer  ${token}` }, false],
    ['trailing garbage', { authorization: `Bearer ${token} x` }, false],
    ['two tokens', { authorization: `Bearer wrong, Bearer ${token}` }, false],
    ['token in a cookie', { cookie: `token=${token}` }, false],
    ['token in X-Token', { 'x-token': token }, false],
    ['token in X-Authorization', { 'x-authorization': `Bearer ${token}` }, false],
  ];
  for (const [name, headers, authorized] of apiHeaders) {
    variants.push({ name: `api header: ${name}`, method: 'POST', path: '/api/stories.list', headers: { ...json, ...headers }, authorized });
  }
  for (const path of [`/api/stories.list?token=${token}`, `/api/stories.list#token=${token}`, `/api/stories.list/${token}`, `/api/${token}/stories.list`]) {
    variants.push({ name: `api token in the URL: ${path}`, method: 'POST', path, headers: json, authorized: false });
  }
  const mediaTokens: [string, string, Record<string, string>][] = [
    ['no token', photo, {}],
    ['empty token', `${photo}?token=`, {}],
    ['wrong token', withQueryToken(photo, 'wrong'), {}],
    ['token as a prefix', withQueryToken(photo, `${token}x`), {}],
    ['token in upper case', withQueryToken(photo, token.toUpperCase()), {}],
    ['parameter in upper case', `${photo}?TOKEN=${token}`, {}],
    ['wrong token first', `${photo}?token=wrong&token=${token}`, {}],
    ['token in the fragment', `${photo}#token=${token}`, {}],
    ['token in the path', `${photo}/${token}`, {}],
    ['token in a ;parameter', `${photo};token=${token}`, {}],
    ['token in the Authorization header', photo, bearer],
    ['token in a cookie', photo, { cookie: `token=${token}` }],
    ['token in a Referer', photo, { referer: `http://127.0.0.1:${host.port}/?token=${token}` }],
  ];
  for (const [name, path, headers] of mediaTokens) variants.push({ name: `media token: ${name}`, method: 'GET', path, headers, authorized: false });

  // Other methods on both routes.
  for (const method of ['GET', 'HEAD', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE']) {
    variants.push({ name: `api method ${method}`, method, path: '/api/stories.list', headers: { ...json, ...bearer }, authorized: true });
    variants.push({ name: `api method ${method} (no token)`, method, path: '/api/stories.list', headers: json, authorized: false });
    if (method !== 'GET') variants.push({ name: `media method ${method} (no token)`, method, path: photo, headers: {}, authorized: false });
  }

  // Foreign Host and Origin headers, each with the right token: DNS rebinding and cross-site requests.
  const foreignHosts = [
    'evil.example',
    `evil.example:${port}`,
    `127.0.0.1.evil.example:${port}`,
    `127.0.0.1:${port}.evil.example`,
    `127.0.0.1:${port + 1}`,
    '127.0.0.1',
    `localhost.:${port}`,
    `127.0.0.1.:${port}`,
    `[::1]:${port}`,
    `0.0.0.0:${port}`,
    `127.1:${port}`,
    `2130706433:${port}`,
    `user@127.0.0.1:${port}`,
    '',
  ];
  const foreignOrigins = [
    'http://evil.example',
    'null',
    `http://127.0.0.1:${port}.evil.example`,
    `http://127.0.0.1:${port + 1}`,
    `https://127.0.0.1:${port}`,
    `http://localhost.:${port}`,
    `http://127.0.0.1:${port}/`,
    'file://',
    'app://dateline',
    '',
  ];
  for (const value of foreignHosts) {
    variants.push({ name: `foreign Host "${value}" on api`, method: 'POST', path: '/api/stories.list', headers: { ...json, ...bearer, host: value }, authorized: true, foreign: true });
    variants.push({ name: `foreign Host "${value}" on media`, method: 'GET', path: withQueryToken(photo), headers: { host: value }, authorized: true, foreign: true });
  }
  for (const value of foreignOrigins) {
    variants.push({ name: `foreign Origin "${value}" on api`, method: 'POST', path: '/api/stories.list', headers: { ...json, ...bearer, origin: value }, authorized: true, foreign: true });
    variants.push({ name: `foreign Origin "${value}" on media`, method: 'GET', path: withQueryToken(photo), headers: { origin: value }, authorized: true, foreign: true });
  }
  variants.push({ name: 'no Host header on api', method: 'POST', path: '/api/stories.list', headers: { ...json, ...bearer }, noHost: true, authorized: true, foreign: true });
  variants.push({ name: 'no Host header on media', method: 'GET', path: withQueryToken(photo), headers: {}, noHost: true, authorized: true, foreign: true });
  return variants;
}

/** The /api or /media route, as the host routes it: on the raw path. */
const guardedRoute = (path: string) => path.startsWith('/api/') || path.startsWith('/media/');

describe('WebHost under fuzzing', () => {
  it('never leaks the canary, never answers /api or /media without the token, and keeps running', async () => {
    const variants = buildVariants();
    expect(variants.length).toBeGreaterThanOrEqual(200);
    const answers: [Variant, Answer][] = [];
    // A few at a time: enough to overlap, not so many that 2 cores spend the time switching.
    for (let i = 0; i < variants.length; i += 8) {
      const batch = variants.slice(i, i + 8);
      answers.push(...(await Promise.all(batch.map(async (variant) => [variant, await send(variant)] as [Variant, Answer]))));
    }
    console.log(`WebHost fuzz: ${answers.length} path and header variants sent`);

    const problems: string[] = [];
    for (const [variant, answer] of answers) {
      const what = `${variant.name} [${variant.method} ${variant.path}] -> ${answer.status}`;
      if (answer.text.includes(canary) || JSON.stringify(answer.headers).includes(canary)) problems.push(`leaked the canary: ${what}`);
      const ok = answer.status >= 200 && answer.status < 300;
      // Without the token, only the renderer's own public files may come back.
      if (!variant.authorized && ok && (guardedRoute(variant.path) || (answer.text !== indexHtml && answer.text !== appJs && variant.method !== 'HEAD'))) {
        problems.push(`answered without the token: ${what}`);
      }
      if (variant.foreign && answer.status !== 403 && answer.status !== 400) problems.push(`served a foreign Host or Origin: ${what}`);
      if (variant.traversal && ok && guardedRoute(variant.path)) problems.push(`answered a path outside its route: ${what}`);
      if (answer.status >= 200 && answer.status < 300 && answer.headers['access-control-allow-origin'] !== undefined) problems.push(`sent CORS headers: ${what}`);
    }
    expect(problems).toEqual([]);

    // Still up, and still serving what it should.
    const list = await send({ name: 'after', method: 'POST', path: '/api/stories.list', headers: { ...json, ...bearer }, authorized: true });
    expect(list.status).toBe(200);
    expect(JSON.parse(list.text)).toHaveProperty('items');
    const photo = await send({ name: 'after', method: 'GET', path: withQueryToken(`/media/${photoId}/original`), headers: {}, authorized: true });
    expect(photo.status).toBe(200);
    expect(photo.headers['content-type']).toBe('image/jpeg');
    expect((await send({ name: 'after', method: 'GET', path: '/', headers: {}, authorized: false })).text).toBe(indexHtml);
  }, 60_000);
});
