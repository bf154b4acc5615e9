import { useSyncExternalStore } from 'react';

// Whether the settings dialog is open, and at which section: the top bar's button opens it, and so does a
// checklist item that names a missing setting ("Chưa có nơi đăng … Cài đặt → Xuất bản").

export type SettingsSection = 'publishing' | null;

let shown: { section: SettingsSection } | null = null;
const listeners = new Set<() => void>();

const set = (next: typeof shown) => {
  shown = next;
  for (const listener of listeners) listener();
};

export const openSettings = (section: SettingsSection = null) => set({ section });
export const closeSettings = () => set(null);

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};

/** The open settings dialog and the section it was opened at, or null while it is closed. */
export function useSettingsShown(): { section: SettingsSection } | null {
  return useSyncExternalStore(subscribe, () => shown);
}
