import { storySectionNode } from './storySectionNode';

/** The small line above the headline. */
export const Kicker = storySectionNode('kicker', 0, 'p');
