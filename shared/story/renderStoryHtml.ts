import { figureAlt } from './storyDocument';
import type { TiptapNode } from './storySchema';
import { escapeHtml } from '../text/escapeHtml';
import { eachNode } from './walkDocument';

/**
 * The HTML of a stored body's blocks, as the paper prints them (the page around them is paperPageLayout's and
 * renderPaperArticle's). Pure string building over the stored JSON; every text and attribute is escaped, and
 * only http, https and mailto links survive.
 */
export interface RenderOptions {
  /** Turns a figure's attrs into an image URL, or null when the image cannot be shown. */
  imageUrl: (attrs: Record<string, unknown>) => string | null;
}

export function safeHref(href: unknown): string | null {
  if (typeof href !== 'string') return null;
  const trimmed = href.trim();
  return /^(https?:|mailto:)/i.test(trimmed) ? trimmed : null;
}

const markTags: Record<string, string> = { bold: 'strong', italic: 'em', underline: 'u', strike: 's', code: 'code' };

function renderText(node: TiptapNode): string {
  let html = escapeHtml(node.text ?? '');
  for (const mark of node.marks ?? []) {
    if (mark.type === 'link') {
      const href = safeHref(mark.attrs?.href);
      if (href) html = `<a href="${escapeHtml(href)}" rel="noopener noreferrer">${html}</a>`;
    } else if (markTags[mark.type]) {
      html = `<${markTags[mark.type]}>${html}</${markTags[mark.type]}>`;
    }
  }
  return html;
}

export function renderNode(node: TiptapNode, options: RenderOptions): string {
  const html: string[] = [];
  // What closes each node entered and not yet left.
  const closing: string[] = [];
  eachNode(
    node,
    (each) => {
      const leaf = leafHtml(each);
      const [open, close] = leaf === undefined ? blockTags(each, options) : [leaf, ''];
      html.push(open);
      closing.push(close);
      return leaf === undefined;
    },
    () => html.push(closing.pop()!),
  );
  return html.join('');
}

/** The HTML of a node that has no children to render, or undefined for one that has. */
function leafHtml(node: TiptapNode): string | undefined {
  if (node.type === 'text') return renderText(node);
  if (node.type === 'horizontalRule') return '<hr>';
  if (node.type === 'hardBreak') return '<br>';
  return undefined;
}

/** The HTML before and after a block's rendered children. */
function blockTags(node: TiptapNode, options: RenderOptions): [string, string] {
  switch (node.type) {
    case 'paragraph':
      return ['<p>', '</p>'];
    case 'heading':
      return node.attrs?.level === 3 ? ['<h3>', '</h3>'] : ['<h2>', '</h2>'];
    case 'bulletList':
      return ['<ul>', '</ul>'];
    case 'orderedList':
      return ['<ol>', '</ol>'];
    case 'listItem':
      return ['<li>', '</li>'];
    case 'blockquote':
      return ['<blockquote>', '</blockquote>'];
    case 'figure': {
      const attrs = node.attrs ?? {};
      const src = options.imageUrl(attrs);
      // Alt text left empty falls back to the caption, as the editor shows it.
      const alt = figureAlt(node);
      const credit = typeof attrs.credit === 'string' && attrs.credit.trim() ? `<span class="credit">${escapeHtml(attrs.credit.trim())}</span>` : '';
      const image = src ? `<img src="${escapeHtml(src)}" alt="${escapeHtml(alt)}">` : '';
      return [`<figure>${image}<figcaption><span class="caption">`, `</span>${credit}</figcaption></figure>`];
    }
    default:
      // The doc, and any node this renderer does not know: its content only.
      return ['', ''];
  }
}

/** How a source line starts, "Theo:" or "Nguồn:" (any case, spaces allowed before the colon). */
export const sourcePrefix = /^(theo|nguồn)\s*:/iu;

/** "nhandan.vn" prints as "Theo: nhandan.vn"; a line that already says "Theo:" or "Nguồn:" prints as written. */
export function sourceLine(source: string): string {
  const trimmed = source.trim();
  if (!trimmed) return '';
  return sourcePrefix.test(trimmed) ? trimmed : `Theo: ${trimmed}`;
}
