import { Extension } from '@tiptap/core';

/** The DOM event the toolbar listens for to open its link field. */
export const editLinkEvent = 'dateline:edit-link';

/** Mod-K opens the link field, as in most writing tools. */
export const LinkShortcut = Extension.create({
  name: 'linkShortcut',
  addKeyboardShortcuts() {
    return {
      'Mod-k': () => {
        this.editor.view.dom.dispatchEvent(new CustomEvent(editLinkEvent));
        return true;
      },
    };
  },
});
