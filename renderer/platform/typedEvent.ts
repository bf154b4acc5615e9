/**
 * An announcement one part of the renderer makes and another, which it does not own, listens for: typed by
 * what it carries, named by the constant that holds it, so there is no window CustomEvent, no string name and
 * no cast on either side. Each feature declares its own in its events.ts.
 */
export interface TypedEvent<T> {
  emit(value: T): void;
  /** Listens until the returned function is called: an effect's cleanup. */
  on(listener: (value: T) => void): () => void;
}

export function typedEvent<T>(): TypedEvent<T> {
  const listeners = new Set<(value: T) => void>();
  return {
    emit: (value) => {
      for (const listener of [...listeners]) listener(value);
    },
    on: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
