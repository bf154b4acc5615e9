import { isSpelledCorrectly, styleSuggestions } from '../../shared/text/spellSyllables';
import { applyToneStyle } from '../../shared/text/toneMarks';
import type { SpellRequest, SpellResponse } from './spellProtocol';

/** The two questions asked of a hunspell dictionary (nspell's instance answers both). */
export interface Hunspell {
  correct(word: string): boolean;
  suggest(word: string): string[];
}

/**
 * The spelling worker's answer to one request, apart from the worker itself so it can be tested against the
 * real dictionary in Node. dictionary-vi 3 spells only the old tone-mark placement ("hoà", "uỷ"), so a word is
 * right in either placement, and suggestions are asked in the old style and given back in the newsroom's.
 */
export function answerSpellRequest(spell: Hunspell, request: SpellRequest): SpellResponse {
  if (request.type === 'check') {
    const known = (word: string) => spell.correct(word);
    return { type: 'checked', id: request.id, misspelled: request.words.filter((word) => !isSpelledCorrectly(word, known)) };
  }
  const asked = applyToneStyle(request.word.normalize('NFC').toLowerCase(), 'old');
  return { type: 'suggested', id: request.id, suggestions: styleSuggestions(spell.suggest(asked), request.style, request.word) };
}
