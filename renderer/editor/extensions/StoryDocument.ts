import { Document } from '@tiptap/extension-document';

/** The index of the body's first block in the story document, after kicker, headline and sapo. */
export const firstBodyIndex = 3;

/** A story is its kicker, headline and sapo, in that order, then at least one body block. */
export const StoryDocument = Document.extend({
  content: 'kicker headline sapo block+',
});
