import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The only names this host answers to: anything else is a DNS-rebinding page or another site's request. */
export function allowedOrigins(port: number): string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
}

export function hasAllowedHost(request: IncomingMessage, port: number): boolean {
  const host = request.headers.host;
  return host !== undefined && allowedOrigins(port).includes(`http://${host.toLowerCase()}`);
}

/** A request with no Origin (a same-origin GET, curl, the tests) passes; one from any other site does not. */
export function hasAllowedOrigin(request: IncomingMessage, port: number): boolean {
  const origin = request.headers.origin;
  return origin === undefined || allowedOrigins(port).includes(origin.toLowerCase());
}

export function hasToken(request: IncomingMessage, token: string): boolean {
  const match = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '');
  return match ? sameToken(match[1]!, token) : false;
}

/** An <img> cannot send a header, so a photo's URL carries the token as `?token=`. */
export function hasQueryToken(url: URL, token: string): boolean {
  const given = url.searchParams.get('token');
  return given !== null && sameToken(given, token);
}

function sameToken(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
