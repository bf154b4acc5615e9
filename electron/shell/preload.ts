import { contextBridge, ipcRenderer } from 'electron';
import { groupByNamespace } from '../../shared/api/apiShape';
import { ipcChannel } from '../../shared/api/ipcChannel';

// Exposes exactly the contract's methods as `window.dateline`, never ipcRenderer itself or a generic send.
contextBridge.exposeInMainWorld(
  'dateline',
  groupByNamespace((method) => (input: unknown) => ipcRenderer.invoke(ipcChannel(method), input)),
);
