import type { DomDocument, DomNode } from '../../../shared/import/domLike';
import { nestsDeeperThan } from '../../../shared/import/htmlDepth';
import { escapeHtml } from '../../../shared/text/escapeHtml';
import { disarmInlineCode, sanitizeStoryDocument } from '../../../shared/import/sanitizeStoryHtml';

/**
 * Cleans HTML pasted from Word, Google Docs or a web page down to what a story can hold, with the same rules
 * an imported Word or HTML file goes through in the main process (shared/import/sanitizeStoryHtml.ts). The HTML
 * is parsed into an inert document, so nothing in it runs or loads while it is cleaned.
 */
export function sanitizePastedHtml(html: string): string {
  const doc = new DOMParser().parseFromString(disarmInlineCode(html), 'text/html');
  // A paste nested deeper than any document a newsroom writes would overflow the rules: its words come in as text.
  if (nestsDeeperThan(doc.body as unknown as DomNode)) return `<p>${escapeHtml(doc.body.textContent ?? '')}</p>`;
  // The rules use only the few members DomDocument names; the DOM's own types are too wide to check against it.
  sanitizeStoryDocument(doc as unknown as DomDocument);
  return doc.body.innerHTML;
}
