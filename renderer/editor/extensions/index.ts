import { Placeholder } from '@tiptap/extension-placeholder';
import StarterKit from '@tiptap/starter-kit';
import i18next from 'i18next';
import { BodyStartKeymap } from './BodyStartKeymap';
import { FieldBoundaryGuard } from './FieldBoundaryGuard';
import { FieldSelectAll } from './FieldSelectAll';
import { Figure } from './Figure';
import { Headline } from './Headline';
import { Kicker } from './Kicker';
import { LinkShortcut } from './LinkShortcut';
import { PasteCleaner } from './PasteCleaner';
import { PhotoDrop } from './PhotoDrop';
import { Sapo } from './Sapo';
import { Spellcheck } from '../../spellcheck/Spellcheck';
import { StoryDocument } from './StoryDocument';
import type { MessageKey } from '../../i18n/messageKey';

const sectionPlaceholders: Record<string, MessageKey> = {
  kicker: 'editor.kickerPlaceholder',
  headline: 'editor.headlinePlaceholder',
  sapo: 'editor.sapoPlaceholder',
};

/** The story editor's preset: the whole story, from kicker to the last photo caption, in one document. */
export function storyExtensions() {
  return [
    StarterKit.configure({
      document: false,
      heading: { levels: [2, 3] },
      code: false,
      codeBlock: false,
      strike: false,
      link: {
        openOnClick: false,
        autolink: true,
        defaultProtocol: 'https',
        protocols: ['http', 'https', 'mailto'],
        HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null },
      },
    }),
    StoryDocument,
    Kicker,
    Headline,
    Sapo,
    BodyStartKeymap,
    FieldSelectAll,
    FieldBoundaryGuard,
    Figure,
    PasteCleaner,
    PhotoDrop,
    LinkShortcut,
    Spellcheck,
    Placeholder.configure({
      showOnlyCurrent: false,
      includeChildren: false,
      // The callback sees the node but not the document being decorated, so whether a paragraph is the body's
      // only block (the one place the body prompt shows) is left to the stylesheet.
      placeholder: ({ node }) => i18next.t(sectionPlaceholders[node.type.name] ?? 'editor.bodyPlaceholder'),
    }),
  ];
}
