import { useEffect, useState } from 'react';

/**
 * For a menu, popup or dialog that exists only while open: remembers what had the focus when it opened (the
 * button or field that opened it, or the editor for a shortcut) and gives the focus back to it when it closes,
 * by Escape, by a button inside it, or by a choice. Without this, removing the focused popup drops the focus to
 * the page body and a keyboard user starts again from the top.
 *
 * Focus that has already moved somewhere real (the reporter clicked another control) is left where it is.
 */
export function useReturnFocus(): void {
  // Read while rendering, before the popup's own autofocus or showModal() moves the focus into it.
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null));
  useEffect(
    () => () => {
      const now = document.activeElement;
      if (opener?.isConnected && (!now || now === document.body)) opener.focus();
    },
    [opener],
  );
}
