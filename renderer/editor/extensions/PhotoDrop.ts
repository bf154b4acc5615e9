import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state';

/** Dispatched on the editor's element with the photos (`detail: File[]`); the cursor is already where they go. */
export const photosDroppedEvent = 'dateline:photos-dropped';

const isPhoto = (file: File) => file.type.startsWith('image/') || /\.(jpe?g|png|webp|gif|tiff?)$/i.test(file.name);

/**
 * Photos dragged onto the story or pasted into it go to the media library rather than into the document as
 * raw data. Other files are left to the default handling, which ignores them.
 */
export const PhotoDrop = Extension.create({
  name: 'photoDrop',
  addProseMirrorPlugins() {
    const takePhotos = (list: FileList | null | undefined) => [...(list ?? [])].filter(isPhoto);
    return [
      new Plugin({
        key: new PluginKey('photoDrop'),
        props: {
          handleDrop: (view, event) => {
            const photos = takePhotos(event.dataTransfer?.files);
            if (!photos.length) return false;
            event.preventDefault();
            const at = view.posAtCoords({ left: event.clientX, top: event.clientY });
            if (at) view.dispatch(view.state.tr.setSelection(TextSelection.near(view.state.doc.resolve(at.pos))));
            view.dom.dispatchEvent(new CustomEvent(photosDroppedEvent, { detail: photos }));
            return true;
          },
          handlePaste: (view, event) => {
            const photos = takePhotos(event.clipboardData?.files);
            if (!photos.length) return false;
            view.dom.dispatchEvent(new CustomEvent(photosDroppedEvent, { detail: photos }));
            return true;
          },
        },
      }),
    ];
  },
});
