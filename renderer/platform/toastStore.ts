/** A short notice in the corner: something finished, or a reminder, with at most one action. */
export interface Toast {
  id: string;
  message: string;
  action?: { label: string; run: () => void };
}

let toasts: readonly Toast[] = [];
const listeners = new Set<() => void>();
let nextId = 1;

const publish = (next: readonly Toast[]) => {
  toasts = next;
  for (const listener of listeners) listener();
};

/** Shows a toast; one with the id of a toast on screen replaces it. Returns its id. */
export function showToast(toast: Omit<Toast, 'id'> & { id?: string }): string {
  const id = toast.id ?? `toast-${nextId++}`;
  publish([...toasts.filter((shown) => shown.id !== id), { ...toast, id }]);
  return id;
}

export function dismissToast(id: string): void {
  if (toasts.some((toast) => toast.id === id)) publish(toasts.filter((toast) => toast.id !== id));
}

export const toastStore = {
  subscribe: (listener: () => void) => {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  },
  getSnapshot: () => toasts,
};
