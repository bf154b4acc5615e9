import type { MethodName } from './contract';

/** The IPC channel of one contract method; the preload and the main side both derive it from the method name. */
export function ipcChannel(method: MethodName): string {
  return `dateline:${method}`;
}
