import { join } from 'node:path';
import { createHandlers } from '../../electron/api/createHandlers';
import { dispatch } from '../../electron/api/dispatch';
import { createServices } from '../../electron/services/createServices';
import { WebHost } from '../../electron/webhost/WebHost';
import type { ApiResult, ErrorPayload } from '../../shared/api/DatelineError';
import { recordingLogger } from './quietLogger';

/** Calls one API method and answers with the transport's result envelope, plus the HTTP status where there is one. */
export type CallApi = (method: string, input: unknown) => Promise<ApiResult<unknown> & { status?: number }>;

export interface Transport {
  call: CallApi;
  close: () => Promise<void>;
}

/** The services called in-process, through the same dispatch the IPC registration uses. */
export async function inProcessTransport(dataDir: string): Promise<Transport> {
  const services = await createServices({ dataDir, log: recordingLogger() });
  const handlers = createHandlers(services);
  return { call: (method, input) => dispatch(handlers, method, input, services.log), close: () => services.close() };
}

/** The same services behind the loopback web host, called over real HTTP. */
export async function httpTransport(dataDir: string): Promise<Transport & { host: WebHost }> {
  const services = await createServices({ dataDir, log: recordingLogger() });
  const host = new WebHost({ services, staticRoot: join(dataDir, 'no-renderer'), port: 0, token: 'test-token' });
  await host.start();
  const call: CallApi = async (method, input) => {
    const response = await fetch(`http://127.0.0.1:${host.port}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer test-token' },
      body: JSON.stringify(input),
    });
    const payload = (await response.json()) as { error?: ErrorPayload };
    return response.ok
      ? { ok: true, value: payload, status: response.status }
      : { ok: false, error: payload.error ?? { code: 'internal', message: `HTTP ${response.status}` }, status: response.status };
  };
  return { call, host, close: () => host.stop().then(() => services.close()) };
}
