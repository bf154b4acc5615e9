import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { sectionTypes } from '../../../shared/story/storyDocument';
import { insertInChunks, largePasteBlocks } from '../paste/insertInChunks';
import { sanitizePastedHtml } from '../paste/sanitizePastedHtml';

// A caption is a one-line field too: pasted paragraphs would split its photo in two.
const sections = new Set<string>([...sectionTypes, 'figure']);

/**
 * Every paste goes through the sanitiser and comes out NFC; a very large one goes in by chunks. Into the kicker, headline, sapo or a caption only plain
 * text goes, on one line, so a paste can never split them.
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
            // Photos on the clipboard are the photo paste's to take (PhotoDrop), as they are in the body.
            if (event.clipboardData?.files.length) return false;
            const text = (event.clipboardData?.getData('text/plain') ?? '').normalize('NFC').replace(/\s*\n\s*/g, ' ');
            view.dispatch(view.state.tr.insertText(text));
            return true;
          },
        },
      }),
    ];
  },
});
