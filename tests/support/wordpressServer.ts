import { spawn, spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';

// What tests/wordpress/startWordPress.sh writes: the running WordPress, or why there is none.
const wordPressInfoSchema = z.object({
  url: z.string(),
  user: z.string(),
  appPassword: z.string(),
  pid: z.number().int(),
  docroot: z.string(),
  port: z.number().int(),
  log: z.string(),
});
const wordPressStateSchema = z.union([wordPressInfoSchema, z.object({ unavailable: z.string() })]);

export type WordPressInfo = z.infer<typeof wordPressInfoSchema>;

export function wordPressStatePath(): string {
  return process.env.DATELINE_WP_STATE ?? '/tmp/dateline-wordpress.json';
}

/** The WordPress the start script left running, or the reason a test should skip. */
export function readWordPress(): WordPressInfo | { unavailable: string } {
  let text: string;
  try {
    text = readFileSync(wordPressStatePath(), 'utf8');
  } catch {
    return { unavailable: 'tests/wordpress/startWordPress.sh has not run' };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const parsed = wordPressStateSchema.safeParse(json);
  return parsed.success ? parsed.data : { unavailable: `${wordPressStatePath()} is not what startWordPress.sh writes` };
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function waitForPort(port: number, open: boolean, ms: number): Promise<boolean> {
  for (const deadline = Date.now() + ms; Date.now() < deadline; await sleep(100)) {
    if ((await portAnswers(port)) === open) return true;
  }
  return false;
}

/** Signals every `php -S` serving this port: the recorded pid's group and, if the server was started another way, its workers. */
function signalServer(info: WordPressInfo, signal: NodeJS.Signals): void {
  try {
    process.kill(-info.pid, signal);
  } catch {
    // Already gone, or not a group leader; the pkill below finds it by its command line.
  }
  spawnSync('pkill', [`--signal=${signal}`, '-f', `^php -S 127\\.0\\.0\\.1:${info.port} `], { stdio: 'ignore' });
}

/** Stops the PHP server (the database stays up), so a test can see how the app takes an unreachable site. */
export async function stopWordPressServer(info: WordPressInfo): Promise<void> {
  signalServer(info, 'SIGTERM');
  if (await waitForPort(info.port, false, 5_000)) return;
  signalServer(info, 'SIGKILL');
  if (!(await waitForPort(info.port, false, 5_000))) throw new Error(`WordPress on port ${info.port} still accepts connections after SIGKILL`);
}

/** Starts the PHP server again the way startWordPress.sh does, and records its pid in the state file. */
export async function startWordPressServer(info: WordPressInfo): Promise<WordPressInfo> {
  const logFd = openSync(info.log, 'a');
  // Keep these flags in step with startWordPress.sh. detached makes it a session leader, like setsid, so a group
  // kill reaches its workers and it outlives the test process.
  const server = spawn(
    'php',
    ['-S', `127.0.0.1:${info.port}`, '-t', info.docroot, '-d', 'upload_max_filesize=64M', '-d', 'post_max_size=64M', '-d', 'display_errors=0', '-d', 'log_errors=1'],
    { detached: true, stdio: ['ignore', logFd, logFd], env: { ...process.env, PHP_CLI_SERVER_WORKERS: '4' } },
  );
  closeSync(logFd);
  server.unref();
  if (server.pid === undefined) throw new Error('could not start php -S for WordPress');
  if (!(await waitForPort(info.port, true, 10_000))) throw new Error(`php -S 127.0.0.1:${info.port} did not answer within 10 s (see ${info.log})`);

  const restarted = { ...info, pid: server.pid };
  const path = wordPressStatePath();
  writeFileSync(`${path}.tmp`, `${JSON.stringify(restarted)}\n`);
  renameSync(`${path}.tmp`, path);
  return restarted;
}

/** A non-2xx answer from WordPress, with the code and message it gave (e.g. rest_cannot_create). */
export class WordPressError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`WordPress answered ${status}: ${JSON.stringify(body)}`);
  }
}

export interface WpRequestOptions {
  query?: Record<string, string | number | boolean>;
  /** Sent as JSON; bytes (a media upload) are sent as they are, with `headers` saying what they are. */
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * Calls the REST API as the test user. It uses `?rest_route=`, as the app does, because /wp-json/ needs pretty
 * permalinks that a site may not have.
 */
export async function wpRequest<T = unknown>(info: WordPressInfo, method: string, route: string, { query = {}, body, headers = {} }: WpRequestOptions = {}): Promise<T> {
  const url = new URL(`${info.url}/`);
  url.searchParams.set('rest_route', route);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, String(value));
  const raw = body instanceof Uint8Array;
  const response = await fetch(url, {
    method,
    headers: {
      authorization: `Basic ${Buffer.from(`${info.user}:${info.appPassword}`).toString('base64')}`,
      ...(body !== undefined && !raw ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    // The copy gives fetch the ArrayBuffer-backed view its types ask for (a Buffer may sit on a shared one).
    body: body === undefined ? undefined : raw ? new Uint8Array(body) : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text === '' ? null : JSON.parse(text);
  } catch {
    // A PHP fatal error or a proxy's page: show it as it came.
    throw new WordPressError(response.status, text);
  }
  if (!response.ok) throw new WordPressError(response.status, parsed);
  return parsed as T;
}

/**
 * Moves a scheduled post's time into the past behind WordPress's back, as a site whose cron never ran leaves it:
 * still `future`, its time gone by. WordPress's own API would publish it on the spot instead.
 */
export function backdateScheduledPost(info: WordPressInfo, postId: number, gmt: Date): void {
  const at = gmt.toISOString().slice(0, 19).replace('T', ' ');
  const script = `$_SERVER['HTTP_HOST'] = '127.0.0.1'; require '${info.docroot}/wp-load.php';
    global $wpdb; $wpdb->update($wpdb->posts, ['post_date_gmt' => '${at}', 'post_date' => get_date_from_gmt('${at}')], ['ID' => ${postId}]);
    clean_post_cache(${postId});`;
  const result = spawnSync('php', ['-r', script], { encoding: 'utf8', cwd: info.docroot });
  if (result.status !== 0) throw new Error(`could not backdate post ${postId}: ${result.stderr || result.stdout}`);
}

/** Publishes a scheduled post as WordPress's cron does when its time comes (`wp_publish_post`). */
export function publishAsCronWould(info: WordPressInfo, postId: number): void {
  const script = `$_SERVER['HTTP_HOST'] = '127.0.0.1'; require '${info.docroot}/wp-load.php'; wp_publish_post(${postId});`;
  const result = spawnSync('php', ['-r', script], { encoding: 'utf8', cwd: info.docroot });
  if (result.status !== 0) throw new Error(`could not publish post ${postId}: ${result.stderr || result.stdout}`);
}

/** A post as `GET /wp/v2/posts/<id>?context=edit` returns it, as far as the tests read it. */
export interface WordPressEditPost {
  id: number;
  slug: string;
  status: string;
  date_gmt: string;
  featured_media: number;
  title: { raw: string };
  content: { raw: string };
  excerpt: { raw: string };
  categories: number[];
  tags: number[];
}
