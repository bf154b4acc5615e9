import { groupByNamespace, type DatelineBridge } from '../../shared/api/apiShape';
import type { ApiResult, ErrorPayload } from '../../shared/api/DatelineError';

const tokenKey = 'dateline.webToken';

/** The web host's token for this tab, for URLs that cannot carry a header (a photo's <img>). */
export function currentWebToken(storage: Storage = window.sessionStorage): string | null {
  return storage.getItem(tokenKey);
}

/**
 * The web host's token arrives once in the page's URL. Keep it for this tab only and take it out of the
 * address bar, so it is not left in history or in a screenshot.
 */
export function takeWebToken(location: Location, storage: Storage, history: History): string | null {
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    storage.setItem(tokenKey, fromUrl);
    url.searchParams.delete('token');
    history.replaceState(history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return storage.getItem(tokenKey);
}

/**
 * Keep-alive requests outlive the page (a save made as the tab closes), but browsers cap their body at 64 KiB,
 * in bytes: Vietnamese letters take two or three bytes each in UTF-8, so the limit is checked on the encoded body.
 */
const keepaliveLimitBytes = 60_000;
const encoder = new TextEncoder();

/**
 * The error every call answered 401 gets: the web host no longer knows this tab's token (it was restarted with a
 * new one). No retry can succeed; the reporter opens the address the host printed, in a new tab.
 */
const tokenRejected: ErrorPayload = {
  code: 'unauthorized',
  message: 'the Dateline web host refused this tab’s access token: it was restarted with a new one; open the address it printed',
};

/** True for the error a call gets once the web host has a new token (see tokenRejected). */
export function isTokenRejected(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'unauthorized';
}

/** `window.dateline` for the browser: the same bridge the preload exposes, over `POST /api/<method>`. */
export function createHttpBridge(token: string | null): DatelineBridge {
  return groupByNamespace((method) => async (input: unknown): Promise<ApiResult<unknown>> => {
    const body = JSON.stringify(input ?? {});
    let response: Response;
    try {
      response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token ?? ''}` },
        body,
        keepalive: body.length < keepaliveLimitBytes / 3 || encoder.encode(body).length < keepaliveLimitBytes,
      });
    } catch (error) {
      return { ok: false, error: { code: 'unavailable', message: `the Dateline host did not answer: ${(error as Error).message}` } };
    }
    const payload = (await response.json().catch(() => null)) as { error?: ErrorPayload } | null;
    if (response.ok) return { ok: true, value: payload };
    // The host answers 401 to this tab's token only when it was started with another one since the tab opened:
    // whatever the body says, that is its own error, which the autosave and the save indicator know.
    if (response.status === 401) return { ok: false, error: tokenRejected };
    return { ok: false, error: payload?.error ?? { code: 'internal', message: `HTTP ${response.status}` } };
  }) as unknown as DatelineBridge;
}
