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
  if (!match) return false;
  const given = Buffer.from(match[1]!);
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
