import type { ToneStyle } from '../../shared/text/toneMarks';

/** What the editor asks the spelling worker. Every request carries an id its answer repeats. */
export type SpellRequest =
  | { type: 'check'; id: number; words: string[] }
  | { type: 'suggest'; id: number; word: string; style: ToneStyle };

/** The worker's answers: for `check`, the words of the request that are misspelled. */
export type SpellResponse =
  | { type: 'checked'; id: number; misspelled: string[] }
  | { type: 'suggested'; id: number; suggestions: string[] }
  | { type: 'failed'; id: number; message: string };
