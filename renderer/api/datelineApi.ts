import { groupByNamespace, type DatelineApi, type DatelineBridge } from '../../shared/api/apiShape';
import { DatelineError, type ApiResult } from '../../shared/api/DatelineError';
import { createHttpBridge, takeWebToken } from './httpBridge';

declare global {
  interface Window {
    /** Set by the Electron preload; in a browser, the HTTP bridge is installed here at start-up. */
    dateline?: DatelineBridge;
  }
}

type LooseBridge = Record<string, Record<string, (input: unknown) => Promise<ApiResult<unknown>>>>;

/** True inside the Electron app, where the preload defined `window.dateline` before any renderer code ran. */
export const isDesktop = window.dateline !== undefined;

window.dateline ??= createHttpBridge(takeWebToken(window.location, window.sessionStorage, window.history));
const bridge = window.dateline as unknown as LooseBridge;

/** The renderer's only way to the main process: `window.dateline`, with errors rebuilt as DatelineError. */
export const api = groupByNamespace((method) => {
  const [namespace, name] = method.split('.') as [string, string];
  return async (input: unknown) => {
    const result = await bridge[namespace]![name]!(input);
    if (!result.ok) throw DatelineError.fromPayload(result.error);
    return result.value;
  };
}) as unknown as DatelineApi;
