import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { methodNames } from '../../shared/api/contract';
import type { ApiResult } from '../../shared/api/DatelineError';
import { ipcChannel } from '../../shared/api/ipcChannel';
import type { Handlers } from '../api/createHandlers';
import { dispatch, type DispatchOptions } from '../api/dispatch';
import type { Logger } from '../log/Logger';
import { isAppUrl } from './appOrigin';

/**
 * One `ipcMain.handle` per contract method. Every call is checked to come from the app's own frame, then
 * validated and run by the same dispatch the web host uses. Takes `ipcMain` as an argument so a test can pass
 * a stand-in and check the registration without Electron.
 */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  handlers: Handlers,
  log: Logger,
  /** The dev server whose frames are the app's too: devServerUrlOf(app.isPackaged), never set in a packaged app. */
  devServerUrl?: string,
  /** Whether answers are checked against the contract (see dispatch); by the environment when left out. */
  options: DispatchOptions = {},
): void {
  const isTrustedSender = (frameUrl: string | undefined) => isAppUrl(frameUrl, devServerUrl);
  for (const method of methodNames) {
    ipcMain.handle(ipcChannel(method), async (event: IpcMainInvokeEvent, payload: unknown): Promise<ApiResult<unknown>> => {
      const frameUrl = event.senderFrame?.url;
      if (!isTrustedSender(frameUrl)) {
        log.warn(`refused ${method} from an untrusted frame: ${frameUrl ?? 'unknown'}`);
        return { ok: false, error: { code: 'forbidden', message: 'this frame may not call the Dateline API' } };
      }
      return dispatch(handlers, method, payload, log, options);
    });
  }
}
