import { safeHref } from '../../../shared/story/renderStoryHtml';

/** Elements whose content is never part of a story: code, styling, embeds, forms and remote media. */
const dropped = 'script, style, link, meta, base, title, head, iframe, frame, frameset, object, embed, applet, noscript, template, svg, math, form, input, button, select, textarea, canvas, video, audio, source, track, picture';
/** Wrappers whose content stays but whose element goes. */
const unwrapped = 'font, table, thead, tbody, tfoot, tr, caption, colgroup, col, center, o\\:p';
/** Attributes a story element may keep; everything else (on*, style, class, id, …) goes. */
const keptAttributes = new Set(['href', 'src', 'alt', 'data-pm-slice', 'data-story-section', 'data-credit', 'data-media-id']);

function unwrap(element: Element): void {
  element.replaceWith(...element.childNodes);
}

function rename(element: Element, tag: string): Element {
  const replacement = element.ownerDocument.createElement(tag);
  replacement.append(...element.childNodes);
  element.replaceWith(replacement);
  return replacement;
}

/**
 * Cleans HTML pasted from Word, Google Docs or a web page down to what a story can hold: paragraphs, headings,
 * bold, italic, underline, lists, quotes and safe links. Scripts, styles, event handlers, `javascript:` links,
 * frames, foreign fonts and remote images are removed; tables become one paragraph per cell. The HTML is parsed
 * into an inert document, so nothing in it runs or loads while it is cleaned.
 */
export function sanitizePastedHtml(html: string): string {
  const doc = new DOMParser().parseFromString(disarmInlineCode(html), 'text/html');
  const body = doc.body;

  body.querySelectorAll(dropped).forEach((element) => element.remove());
  const comments = doc.createTreeWalker(body, NodeFilter.SHOW_COMMENT);
  const toRemove: Node[] = [];
  while (comments.nextNode()) toRemove.push(comments.currentNode);
  toRemove.forEach((node) => node.parentNode?.removeChild(node));

  // Google Docs wraps a whole paste in <b style="font-weight:normal">; Word and Docs mark bold and italic with
  // inline styles. Turn those styles into real marks before every attribute is dropped.
  for (const element of Array.from(body.querySelectorAll<HTMLElement>('b, strong, span'))) {
    const style = element.getAttribute(disarmedStyle) ?? '';
    const weight = /font-weight\s*:\s*([a-z0-9]+)/i.exec(style)?.[1]?.toLowerCase();
    if (element.tagName !== 'SPAN') {
      if (weight === 'normal' || weight === '400') unwrap(element);
      continue;
    }
    let target: Element = element;
    if (weight === 'bold' || Number(weight) >= 600) target = wrapContent(target, 'strong');
    if (/font-style\s*:\s*italic/i.test(style)) target = wrapContent(target, 'em');
    if (/text-decoration[^;]*underline/i.test(style)) wrapContent(target, 'u');
  }

  body.querySelectorAll('img').forEach((image) => {
    // Only an image carried inside the paste itself may stay; a remote one would be fetched from the network.
    if (!/^data:image\/(png|jpeg|gif|webp);/i.test(image.getAttribute('src') ?? '')) image.remove();
  });
  body.querySelectorAll('figure').forEach((figure) => {
    if (!figure.querySelector('img')) rename(figure, 'div');
  });
  body.querySelectorAll('td, th').forEach((cell) => rename(cell, 'div'));
  body.querySelectorAll('h1').forEach((heading) => rename(heading, 'h2'));
  body.querySelectorAll('h4, h5, h6').forEach((heading) => rename(heading, 'h3'));
  body.querySelectorAll(unwrapped).forEach(unwrap);
  body.querySelectorAll('a').forEach((link) => {
    const href = safeHref(link.getAttribute('href'));
    if (href) link.setAttribute('href', href);
    else unwrap(link);
  });

  for (const element of Array.from(body.querySelectorAll('*'))) {
    for (const attribute of Array.from(element.attributes)) {
      if (!keptAttributes.has(attribute.name.toLowerCase())) element.removeAttribute(attribute.name);
    }
    if (element.tagName !== 'IMG') element.removeAttribute('src');
  }

  const texts = doc.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  while (texts.nextNode()) {
    const node = texts.currentNode;
    const value = node.nodeValue ?? '';
    const composed = value.normalize('NFC');
    if (composed !== value) node.nodeValue = composed;
  }
  return body.innerHTML;
}

const disarmedStyle = 'data-pasted-style';

/**
 * Drops `<style>` and `<script>` elements and renames every `style` and `on…` attribute before the HTML is
 * parsed. Even an inert parsed document applies the page's CSP to them, so parsing them as they are would only
 * log blocked inline code; renamed, the attributes are plain data, read for bold and italic hints and then
 * dropped with every other attribute.
 */
function disarmInlineCode(html: string): string {
  return html.replace(/<(style|script)\b[\s\S]*?<\/\1\s*>/gi, '').replace(/<[a-z][^>]*>/gi, (tag) =>
    tag.replace(/(\s)(style|on[a-z]+)(\s*=)/gi, (_match, space: string, name: string, equals: string) =>
      `${space}${name.toLowerCase() === 'style' ? disarmedStyle : 'data-pasted-handler'}${equals}`,
    ),
  );
}

function wrapContent(element: Element, tag: string): Element {
  const wrapper = element.ownerDocument.createElement(tag);
  wrapper.append(...element.childNodes);
  element.append(wrapper);
  return wrapper;
}
