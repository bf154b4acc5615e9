import type { Editor } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { Transaction } from '@tiptap/pm/state';
import { fromEditorDoc } from '../../shared/story/storyDocument';
import type { StoryChanges, TiptapNode } from '../../shared/story/storySchema';
import type { AutosaveController } from './AutosaveController';
import { bigDeletion } from './bigDelete';

export interface BigDeleteWatcherOptions {
  /** Keeps the story as it is on disk as a version ("Trước khi xoá nhiều"); its id, for putting it back. */
  keepVersion: () => Promise<{ versionId: string }>;
  /** Tells the reporter how many chữ went, with a way to bring them back. */
  announce: (removed: number, undo: () => void) => void;
}

const historyMeta = 'history$';

/**
 * Stands between the editor and the autosave. An edit that takes out more than half of the story's words, or all
 * of its headline, sapo or body, is held back: the text just before it is saved first and kept as a version of its
 * own, and only then is the edit handed to the autosave, with a toast that can undo it. Before this, the newest
 * version followed every save, so the save after such a keystroke wrote the loss over the only copy.
 */
export class BigDeleteWatcher {
  private holding = false;
  /** The document as last handed to a save: when it is the one before the deletion, it is on disk already. */
  private lastRead: ProseMirrorNode | null = null;
  private restoreVersion: ((versionId: string) => Promise<void>) | null = null;

  constructor(
    private readonly controller: AutosaveController,
    private readonly options: BigDeleteWatcherOptions,
  ) {}

  /** How a kept version is put back, when the editor can no longer undo to it. */
  restoreWith(restore: (versionId: string) => Promise<void>): void {
    this.restoreVersion = restore;
  }

  /** The document as the story was opened, which is on disk. */
  opened(doc: ProseMirrorNode): void {
    this.lastRead ??= doc;
  }

  /** Called on each change of the document, in place of the autosave's documentChanged. */
  changed(editor: Editor, transaction: Transaction, appended: readonly Transaction[]): void {
    // While the version is being kept, later edits wait too: the autosave reads the editor afresh once it is.
    if (this.holding) return;
    const after = editor.state.doc;
    const removed = transaction.getMeta(historyMeta) ? null : bigDeletion(transaction.before, after, [transaction, ...appended]);
    if (removed === null) return this.controller.documentChanged(this.reader(editor));
    void this.keepThenSave(editor, transaction.before, after, removed);
  }

  private reader(editor: Editor): () => StoryChanges {
    return () => {
      this.lastRead = editor.state.doc;
      return fromEditorDoc(editor.getJSON() as TiptapNode);
    };
  }

  private async keepThenSave(editor: Editor, before: ProseMirrorNode, after: ProseMirrorNode, removed: number): Promise<void> {
    this.holding = true;
    let versionId: string | null = null;
    try {
      // Saved first unless it is on disk already, so the version holds every word up to the deletion.
      if (before !== this.lastRead || this.controller.getState().kind !== 'saved') {
        const text = fromEditorDoc(before.toJSON() as TiptapNode);
        this.controller.documentChanged(() => {
          this.lastRead = before;
          return text;
        });
      }
      await this.controller.flush();
      if (this.controller.getState().kind !== 'failed') versionId = (await this.options.keepVersion()).versionId;
    } catch {
      // Not kept: the store still keeps the text before a save that takes out much of it (StoryHistory.saved).
    } finally {
      this.holding = false;
      this.controller.documentChanged(this.reader(editor));
    }
    this.options.announce(removed, () => {
      // Undo while nothing has been typed since; after that, the version comes back (and what is on screen is
      // kept as a version first, as every restore does).
      if (editor.state.doc.eq(after) && editor.can().undo()) editor.chain().focus().undo().run();
      else if (versionId && this.restoreVersion) void this.restoreVersion(versionId);
    });
  }
}
