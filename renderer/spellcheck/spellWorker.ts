import nspell from 'nspell';
// The hunspell files of dictionary-vi, bundled into this worker's chunk by Vite: no request, no network. The
// package exports only its Node entry (which reads them with node:fs), so they are reached by path.
import aff from '../../node_modules/dictionary-vi/index.aff?raw';
import dic from '../../node_modules/dictionary-vi/index.dic?raw';
import { answerSpellRequest, type Hunspell } from './spellAnswers';
import type { SpellRequest, SpellResponse } from './spellProtocol';

// The dictionary is built on the first message, so creating the worker costs the page nothing.
let speller: Hunspell | null = null;

// The web tsconfig has the DOM library, not the worker one; this is all of the worker scope that is used.
const scope = self as unknown as { postMessage(message: SpellResponse): void; onmessage: ((event: MessageEvent<SpellRequest>) => void) | null };

scope.onmessage = (event) => {
  try {
    speller ??= nspell(aff, dic);
    scope.postMessage(answerSpellRequest(speller, event.data));
  } catch (error) {
    scope.postMessage({ type: 'failed', id: event.data.id, message: error instanceof Error ? error.message : String(error) });
  }
};
