import { storySectionNode } from './storySectionNode';

/** The bold lead paragraph under the headline. */
export const Sapo = storySectionNode('sapo', 2, 'p');
