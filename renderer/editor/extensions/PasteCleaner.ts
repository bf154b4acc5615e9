import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { sectionTypes } from '../../../shared/story/storyDocument';
import { insertInChunks, largePasteBlocks } from '../paste/insertInChunks';
import { sanitizePastedHtml } from '../paste/sanitizePastedHtml';

const sections = new Set<string>(sectionTypes);

/**
 * Every paste goes through the sanitiser and comes out NFC; a very large one goes in by chunks. Into the kicker, headline or sapo only plain text
 * goes, on one line, so a paste can never split them.
 */
export const PasteCleaner = Extension.create({
  name: 'pasteCleaner',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('pasteCleaner'),
        props: {
          transformPastedHTML: (html) => sanitizePastedHtml(html),
          transformPastedText: (text) => text.normalize('NFC'),
          handlePaste: (view, event, slice) => {
            const { $from } = view.state.selection;
            if (!sections.has($from.parent.type.name)) {
              if (slice.content.childCount <= largePasteBlocks) return false;
              insertInChunks(this.editor, slice);
              return true;
            }
            const text = (event.clipboardData?.getData('text/plain') ?? '').normalize('NFC').replace(/\s*\n\s*/g, ' ');
            view.dispatch(view.state.tr.insertText(text));
            return true;
          },
        },
      }),
    ];
  },
});
