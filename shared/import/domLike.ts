/**
 * The small part of the DOM that the story's HTML rules use. shared/ is compiled without the DOM's types, and
 * the same rules run on the browser's DOMParser document in the renderer and on linkedom's in the main process,
 * so they are written against this shape, which both satisfy.
 */
export interface DomNode {
  readonly nodeType: number;
  nodeValue: string | null;
  textContent: string | null;
  readonly parentNode: DomNode | null;
  readonly childNodes: ArrayLike<DomNode>;
  readonly ownerDocument: DomDocument | null;
  removeChild(child: DomNode): unknown;
}

export interface DomElement extends DomNode {
  readonly tagName: string;
  readonly attributes: ArrayLike<{ readonly name: string }>;
  innerHTML: string;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement>;
  replaceWith(...nodes: DomNode[]): void;
  append(...nodes: DomNode[]): void;
  remove(): void;
}

export interface DomDocument {
  readonly body: DomElement;
  createElement(tagName: string): DomElement;
}

export const elementNode = 1;
export const textNode = 3;
export const commentNode = 8;

export const isElement = (node: DomNode): node is DomElement => node.nodeType === elementNode;

/** The lower-case tag name, whatever case the parser reports it in. */
export const tagOf = (element: DomElement): string => element.tagName.toLowerCase();
