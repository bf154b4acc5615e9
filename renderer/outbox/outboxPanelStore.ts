import { useSyncExternalStore } from 'react';

// Whether the outbox panel is open: the bottom bar's count and the top bar's button open it, wherever they sit.

let open = false;
const listeners = new Set<() => void>();

const set = (next: boolean) => {
  if (open === next) return;
  open = next;
  for (const listener of listeners) listener();
};

export const openOutbox = () => set(true);
export const closeOutbox = () => set(false);

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};

export function useOutboxOpen(): boolean {
  return useSyncExternalStore(subscribe, () => open);
}
