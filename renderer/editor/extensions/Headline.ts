import { storySectionNode } from './storySectionNode';

/** The story's headline, the largest thing on the page. */
export const Headline = storySectionNode('headline', 1, 'h1');
