import type { MessageKey } from '../i18n/messageKey';

/** Every shortcut the app answers to, for the help sheet; `Mod` is Ctrl, or ⌘ on a Mac. */
export const shortcutList: { keys: string; labelKey: MessageKey }[] = [
  { keys: 'Mod+B', labelKey: 'toolbar.bold' },
  { keys: 'Mod+I', labelKey: 'toolbar.italic' },
  { keys: 'Mod+U', labelKey: 'toolbar.underline' },
  { keys: 'Mod+Alt+2', labelKey: 'toolbar.heading2' },
  { keys: 'Mod+Alt+3', labelKey: 'toolbar.heading3' },
  { keys: 'Mod+Shift+8', labelKey: 'toolbar.bulletList' },
  { keys: 'Mod+Shift+7', labelKey: 'toolbar.orderedList' },
  { keys: 'Mod+Shift+B', labelKey: 'toolbar.blockquote' },
  { keys: 'Mod+K', labelKey: 'toolbar.link' },
  { keys: 'Mod+Z', labelKey: 'toolbar.undo' },
  { keys: 'Mod+Shift+Z', labelKey: 'toolbar.redo' },
  { keys: 'Enter', labelKey: 'shortcuts.nextSection' },
  { keys: 'Mod+S', labelKey: 'shortcuts.saveNow' },
  { keys: 'Mod+Alt+N', labelKey: 'shortcuts.newStory' },
  { keys: 'Mod+Shift+P', labelKey: 'shortcuts.preview' },
  { keys: 'Mod+Shift+F', labelKey: 'shortcuts.focus' },
  { keys: 'Mod+/', labelKey: 'shortcuts.help' },
];

const isMac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform);

export function displayKeys(keys: string): string {
  return keys.replace('Mod', isMac ? '⌘' : 'Ctrl');
}

/** True when a keydown matches a shortcut written as above, e.g. "Mod+Shift+F". */
export function matchesShortcut(event: KeyboardEvent, keys: string): boolean {
  const parts = keys.split('+');
  const key = parts.pop()!.toLowerCase();
  const mod = isMac ? event.metaKey : event.ctrlKey;
  return (
    parts.includes('Mod') === mod &&
    parts.includes('Shift') === event.shiftKey &&
    parts.includes('Alt') === event.altKey &&
    (event.key.toLowerCase() === key || event.code.toLowerCase() === `key${key}` || event.code.toLowerCase() === `digit${key}`)
  );
}
