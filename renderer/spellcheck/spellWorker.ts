import nspell from 'nspell';
// The hunspell files of dictionary-vi, bundled into this worker's chunk by Vite: no request, no network. The
// package exports only its Node entry (which reads them with node:fs), so they are reached by path.
import aff from '../../node_modules/dictionary-vi/index.aff?raw';
import dic from '../../node_modules/dictionary-vi/index.dic?raw';
import { isSpelledCorrectly, styleSuggestions } from '../../shared/text/spellSyllables';
import { applyToneStyle } from '../../shared/text/toneMarks';
import type { SpellRequest, SpellResponse } from './spellProtocol';

// The dictionary is built once, on the first message, so creating the worker costs the page nothing.
let speller: ReturnType<typeof nspell> | null = null;
const dictionary = () => (speller ??= nspell(aff, dic));

// The web tsconfig has the DOM library, not the worker one; this is all of the worker scope that is used.
const scope = self as unknown as { postMessage(message: SpellResponse): void; onmessage: ((event: MessageEvent<SpellRequest>) => void) | null };

function answer(request: SpellRequest): SpellResponse {
  const spell = dictionary();
  if (request.type === 'check') {
    const known = (word: string) => spell.correct(word);
    return { type: 'checked', id: request.id, misspelled: request.words.filter((word) => !isSpelledCorrectly(word, known)) };
  }
  // dictionary-vi spells the old placement, so it is asked in that style and its answers restyled.
  const asked = applyToneStyle(request.word.toLowerCase(), 'old');
  return { type: 'suggested', id: request.id, suggestions: styleSuggestions(spell.suggest(asked), request.style, request.word) };
}

scope.onmessage = (event) => {
  try {
    scope.postMessage(answer(event.data));
  } catch (error) {
    scope.postMessage({ type: 'failed', id: event.data.id, message: error instanceof Error ? error.message : String(error) } satisfies SpellResponse);
  }
};
