import { safeHref } from '../story/renderStoryHtml';
import { commentNode, isElement, tagOf, textNode, type DomDocument, type DomElement, type DomNode } from './domLike';

// The rules that bring outside HTML (a paste, an imported Word or HTML file) down to what a story can hold. They
// work on a document the caller parsed: the browser's DOMParser in the renderer, linkedom in the main process.

/** Elements whose content is never part of a story: code, styling, embeds, forms and remote media. */
const dropped = 'script, style, link, meta, base, title, head, iframe, frame, frameset, object, embed, applet, noscript, template, svg, math, form, input, button, select, textarea, canvas, video, audio, source, track, picture';
/** Wrappers whose content stays but whose element goes. */
const unwrapped = 'font, table, thead, tbody, tfoot, tr, caption, colgroup, col, center, o\\:p';
/** Attributes a story element may keep; everything else (on*, style, class, id, …) goes. */
const keptAttributes = new Set(['href', 'src', 'alt', 'data-pm-slice', 'data-story-section', 'data-credit', 'data-media-id', 'data-align']);

const disarmedStyle = 'data-pasted-style';

/**
 * Drops `<style>` and `<script>` elements and renames every `style` and `on…` attribute before the HTML is
 * parsed. Even an inert parsed document applies the page's CSP to them, so parsing them as they are would only
 * log blocked inline code; renamed, the attributes are plain data, read for bold and italic hints and then
 * dropped with every other attribute.
 */
export function disarmInlineCode(html: string): string {
  return html.replace(/<(style|script)\b[\s\S]*?<\/\1\s*>/gi, '').replace(/<[a-z][^>]*>/gi, (tag) =>
    tag.replace(/(\s)(style|on[a-z]+)(\s*=)/gi, (_match, space: string, name: string, equals: string) =>
      `${space}${name.toLowerCase() === 'style' ? disarmedStyle : 'data-pasted-handler'}${equals}`,
    ),
  );
}

/**
 * Cleans a parsed document's body, in place, down to what a story can hold: paragraphs, headings, bold,
 * italic, underline, lists, quotes, safe links and images carried inside the HTML itself. Scripts, styles,
 * event handlers, `javascript:` links, frames, foreign fonts and remote images are removed; tables become one
 * paragraph per cell; every text comes out NFC. Parse `disarmInlineCode(html)` into an inert document first,
 * so nothing in it runs or loads while it is cleaned. A centred paragraph keeps `data-align="center"`, which a
 * caption under a photo often is.
 */
export function sanitizeStoryDocument(doc: DomDocument): void {
  const body = doc.body;

  all(body, dropped).forEach((element) => element.remove());
  removeComments(body);

  // Google Docs wraps a whole paste in <b style="font-weight:normal">; Word and Docs mark bold and italic with
  // inline styles. Turn those styles into real marks before every attribute is dropped.
  for (const element of all(body, 'b, strong, span')) {
    const style = element.getAttribute(disarmedStyle) ?? '';
    const weight = /font-weight\s*:\s*([a-z0-9]+)/i.exec(style)?.[1]?.toLowerCase();
    if (tagOf(element) !== 'span') {
      if (weight === 'normal' || weight === '400') unwrap(element);
      continue;
    }
    let target: DomElement = element;
    if (weight === 'bold' || Number(weight) >= 600) target = wrapContent(target, 'strong');
    if (/font-style\s*:\s*italic/i.test(style)) target = wrapContent(target, 'em');
    if (/text-decoration[^;]*underline/i.test(style)) wrapContent(target, 'u');
  }
  for (const block of all(body, 'p, div')) {
    const centred = /text-align\s*:\s*center/i.test(block.getAttribute(disarmedStyle) ?? '') || block.getAttribute('align')?.toLowerCase() === 'center';
    if (centred) block.setAttribute('data-align', 'center');
  }

  all(body, 'img').forEach((image) => {
    // Only an image carried inside the HTML itself may stay; a remote one would be fetched from the network.
    if (!/^data:image\/(png|jpeg|gif|webp);/i.test(image.getAttribute('src') ?? '')) image.remove();
  });
  all(body, 'figure').forEach((figure) => {
    if (!figure.querySelector('img')) rename(figure, 'div');
  });
  all(body, 'td, th').forEach((cell) => rename(cell, 'div'));
  all(body, 'h1').forEach((heading) => rename(heading, 'h2'));
  all(body, 'h4, h5, h6').forEach((heading) => rename(heading, 'h3'));
  all(body, unwrapped).forEach(unwrap);
  all(body, 'a').forEach((link) => {
    const href = safeHref(link.getAttribute('href'));
    if (href) link.setAttribute('href', href);
    else unwrap(link);
  });

  for (const element of all(body, '*')) {
    for (const { name } of Array.from(element.attributes)) {
      if (!keptAttributes.has(name.toLowerCase())) element.removeAttribute(name);
    }
    if (tagOf(element) !== 'img') element.removeAttribute('src');
  }

  composeTexts(body);
}

function all(root: DomElement, selectors: string): DomElement[] {
  return Array.from(root.querySelectorAll(selectors));
}

function unwrap(element: DomElement): void {
  element.replaceWith(...Array.from(element.childNodes));
}

function rename(element: DomElement, tag: string): DomElement {
  const replacement = element.ownerDocument!.createElement(tag);
  replacement.append(...Array.from(element.childNodes));
  element.replaceWith(replacement);
  return replacement;
}

function wrapContent(element: DomElement, tag: string): DomElement {
  const wrapper = element.ownerDocument!.createElement(tag);
  wrapper.append(...Array.from(element.childNodes));
  element.append(wrapper);
  return wrapper;
}

function removeComments(node: DomNode): void {
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === commentNode) node.removeChild(child);
    else if (isElement(child)) removeComments(child);
  }
}

function composeTexts(node: DomNode): void {
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === textNode) {
      const value = child.nodeValue ?? '';
      const composed = value.normalize('NFC');
      if (composed !== value) child.nodeValue = composed;
    } else if (isElement(child)) {
      composeTexts(child);
    }
  }
}
