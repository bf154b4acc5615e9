import { useEffect, useRef, type FocusEvent, type RefObject } from 'react';

/** Gives tabindex 0 to `stop` if it is still there, else to the first item, and -1 to the rest. */
function applyTabStop(container: HTMLElement, selector: string, stop: HTMLElement | null): void {
  const items = [...container.querySelectorAll<HTMLElement>(selector)];
  const chosen = stop && items.includes(stop) ? stop : items[0];
  for (const item of items) {
    // Compared as the attribute: a button's tabIndex reads 0 when it has none.
    const index = item === chosen ? '0' : '-1';
    if (item.getAttribute('tabindex') !== index) item.setAttribute('tabindex', index);
  }
}

/**
 * Makes the items matching `selector` inside `container` one Tab stop: the item last focused (or the first)
 * keeps tabindex 0, the rest -1, so Tab enters the list once and the next Tab leaves it; the list's own arrow
 * keys move within it. Items drawn later by any child component (a refetch, a turned page) are brought in line
 * as they appear. Returns the focus handler to put on the container.
 */
export function useRovingTabStop(container: RefObject<HTMLElement | null>, selector: string): (event: FocusEvent<HTMLElement>) => void {
  const stop = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const apply = () => applyTabStop(element, selector, stop.current);
    apply();
    // Attribute changes are not watched, so setting tabindex does not call this again.
    const observer = new MutationObserver(apply);
    observer.observe(element, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [container, selector]);

  return (event: FocusEvent<HTMLElement>) => {
    const element = container.current;
    const item = (event.target as HTMLElement).closest<HTMLElement>(selector);
    if (!element || !item || !element.contains(item)) return;
    stop.current = item;
    applyTabStop(element, selector, item);
  };
}
