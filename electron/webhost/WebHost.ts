import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { httpStatusOf, type ErrorPayload } from '../../shared/api/DatelineError';
import { createHandlers, type Handlers } from '../api/createHandlers';
import { dispatch } from '../api/dispatch';
import { mediaResponse } from '../http/mediaRoute';
import { contentSecurityPolicy } from '../security/contentSecurityPolicy';
import type { Services } from '../services/createServices';
import { hasAllowedHost, hasAllowedOrigin, hasQueryToken, hasToken } from './requestGuards';
import { sendPlain, serveStatic } from './serveStatic';

export interface WebHostOptions {
  services: Services;
  /** The built renderer to serve. */
  staticRoot: string;
  /** 0 picks a free port. */
  port?: number;
  token?: string;
}

/** Large enough for a photo sent as base64 in a later media import, small enough to refuse a flood. */
const maxBodyBytes = 64 * 1024 * 1024;

const securityHeaders = {
  'content-security-policy': contentSecurityPolicy,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

/**
 * The loopback transport: serves the built renderer and answers `POST /api/<method>` with the same handler
 * table as IPC. It exists for the end-to-end tests and for machines where Electron cannot run.
 */
export class WebHost {
  readonly token: string;
  private readonly handlers: Handlers;
  private server: Server | null = null;
  private boundPort = 0;

  constructor(private readonly options: WebHostOptions) {
    this.token = options.token || randomBytes(24).toString('base64url');
    this.handlers = createHandlers(options.services);
  }

  get port(): number {
    return this.boundPort;
  }

  get url(): string {
    return `http://127.0.0.1:${this.boundPort}/?token=${encodeURIComponent(this.token)}`;
  }

  async start(): Promise<void> {
    const server = createServer((request, response) => {
      this.route(request, response).catch((error) => {
        this.options.services.log.error('web host request failed', error);
        if (!response.headersSent) sendError(response, 500, { code: 'internal', message: 'the request failed' });
        else response.destroy();
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ host: '127.0.0.1', port: this.options.port ?? 0 }, () => resolve());
    });
    this.server = server;
    this.boundPort = (server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    for (const [name, value] of Object.entries(securityHeaders)) response.setHeader(name, value);
    if (!hasAllowedHost(request, this.boundPort) || !hasAllowedOrigin(request, this.boundPort)) {
      return sendError(response, 403, { code: 'forbidden', message: 'requests from other sites are refused' });
    }
    // Routed on the raw path: URL parsing would fold `/media/%2e%2e/…` into another route before it is checked.
    const rawPath = (request.url ?? '/').split('?')[0]!;
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    if (rawPath.startsWith('/api/')) return this.answerApi(request, response, rawPath.slice('/api/'.length));
    if (rawPath.startsWith('/media/')) return this.serveMedia(request, response, rawPath, url);
    if (request.method !== 'GET' && request.method !== 'HEAD') return sendPlain(response, 405, 'method not allowed');
    return serveStatic(this.options.staticRoot, path, response);
  }

  /** `GET /media/<id>/<variant>?token=T`: a photo of the library, by the media route the Electron shell uses too. */
  private async serveMedia(request: IncomingMessage, response: ServerResponse, rawPath: string, url: URL): Promise<void> {
    if (!hasQueryToken(url, this.token)) return sendError(response, 401, { code: 'unauthorized', message: 'missing or wrong access token' });
    await sendFetchResponse(await mediaResponse(this.options.services.media, rawPath.slice('/media/'.length), request.method), response);
  }

  private async answerApi(request: IncomingMessage, response: ServerResponse, method: string): Promise<void> {
    if (!hasToken(request, this.token)) {
      return sendError(response, 401, { code: 'unauthorized', message: 'missing or wrong access token' });
    }
    if (request.method !== 'POST') {
      response.setHeader('allow', 'POST');
      return sendError(response, 405, { code: 'invalid_input', message: 'API calls are POST requests' });
    }
    if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) {
      return sendError(response, 415, { code: 'invalid_input', message: 'API calls send application/json' });
    }
    // A declared length over the limit is refused from the header, before a byte of the body is read; a chunked
    // body declares none, so readJsonBody counts what arrives as well.
    if (Number(request.headers['content-length']) > maxBodyBytes) return refuseTooLarge(response);
    let payload: unknown;
    try {
      payload = await readJsonBody(request);
    } catch (error) {
      if ((error as Error).message === 'too large') return refuseTooLarge(response);
      return sendError(response, 400, { code: 'invalid_input', message: 'the request body is not JSON' });
    }
    // Method names are plain ASCII and sent as they are: anything escaped is no method, which dispatch answers 404.
    const result = await dispatch(this.handlers, method, payload, this.options.services.log);
    if (result.ok) return sendJson(response, 200, result.value);
    return sendError(response, httpStatusOf[result.error.code], result.error);
  }
}

/**
 * The body as JSON. Past the limit it rejects at once but keeps reading and dropping what still arrives: a server
 * that stops reading and closes makes the kernel answer the sender's next bytes with a reset, which can reach the
 * client before the 413 does, so it sees a broken connection instead of the reason.
 */
function readJsonBody(request: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      if (size > maxBodyBytes) return;
      size += chunk.length;
      if (size <= maxBodyBytes) chunks.push(chunk);
      else {
        chunks.length = 0;
        reject(new Error('too large'));
      }
    });
    request.on('error', reject);
    request.on('end', () => {
      if (size > maxBodyBytes) return;
      try {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve(text.trim() === '' ? {} : JSON.parse(text));
      } catch (error) {
        reject(error as Error);
      }
    });
  });
}

/** How long a refused upload is still read (and dropped) after its 413, so the answer arrives before the close. */
const lingerAfterRefusalMs = 2_000;

/**
 * 413, and the connection closed a little after it: the rest of the body is not worth reading to keep the
 * connection. Not `connection: close`, with which Node closes the socket the moment the answer is written.
 */
function refuseTooLarge(response: ServerResponse): void {
  sendError(response, 413, { code: 'invalid_input', message: 'the request body is too large' });
  response.req.resume();
  setTimeout(() => response.req.socket.destroy(), lingerAfterRefusalMs).unref();
}

/** Writes a fetch Response (the media route's) to a Node response, streaming its body. */
async function sendFetchResponse(answer: Response, response: ServerResponse): Promise<void> {
  response.writeHead(answer.status, Object.fromEntries(answer.headers));
  if (!answer.body) return void response.end();
  Readable.fromWeb(answer.body as import('node:stream/web').ReadableStream<Uint8Array>).pipe(response);
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(body);
}

function sendError(response: ServerResponse, status: number, error: ErrorPayload): void {
  sendJson(response, status, { error });
}
