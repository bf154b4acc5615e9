import type { ToneStyle } from '../../shared/text/toneMarks';
import type { SpellRequest, SpellResponse } from './spellProtocol';

/** The editor's view of the spelling dictionary: answers it already has, and a way to ask for more. */
export interface SpellChecker {
  /** true: misspelled; false: spelled right; undefined: not asked yet, or the answer is on its way. */
  verdict(word: string): boolean | undefined;
  /** Asks about the words without a verdict, in one message; `onAnswer` listeners hear when they arrive. */
  request(words: Iterable<string>): void;
  suggest(word: string, style: ToneStyle): Promise<string[]>;
  onAnswer(listener: () => void): () => void;
}

type Pending = (response: SpellResponse) => void;

/**
 * A checker backed by the spelling worker. Verdicts are cached per word (a story repeats its syllables: a
 * 10,000-word story has a few thousand distinct ones), so a paragraph already seen is decorated without a
 * round trip. If the worker cannot start, nothing is ever underlined and typing goes on as before.
 */
export function createWorkerSpellChecker(createWorker: () => Worker): SpellChecker {
  const verdicts = new Map<string, boolean>();
  const asked = new Set<string>();
  const listeners = new Set<() => void>();
  const pending = new Map<number, Pending>();
  let worker: Worker | null = null;
  let broken = false;
  let nextId = 1;
  let batch: string[] = [];

  const post = (request: SpellRequest, onResponse: Pending) => {
    if (broken) return;
    if (!worker) {
      try {
        worker = createWorker();
      } catch (error) {
        broken = true;
        console.warn('The spelling worker could not start; spellcheck is off.', error);
        return;
      }
      worker.onmessage = (event: MessageEvent<SpellResponse>) => {
        const handler = pending.get(event.data.id);
        pending.delete(event.data.id);
        handler?.(event.data);
      };
      worker.onerror = (event) => {
        broken = true;
        console.warn('The spelling worker failed; spellcheck is off.', event.message);
        for (const [id, handler] of pending) handler({ type: 'failed', id, message: event.message });
        pending.clear();
      };
    }
    pending.set(request.id, onResponse);
    worker.postMessage(request);
  };

  const flush = () => {
    const words = batch;
    batch = [];
    post({ type: 'check', id: nextId++, words }, (response) => {
      if (response.type !== 'checked') return;
      const misspelled = new Set(response.misspelled);
      for (const word of words) verdicts.set(word, misspelled.has(word));
      for (const listener of listeners) listener();
    });
  };

  return {
    verdict: (word) => verdicts.get(word),
    request(words) {
      const wasEmpty = batch.length === 0;
      for (const word of words) {
        if (asked.has(word)) continue;
        asked.add(word);
        batch.push(word);
      }
      if (wasEmpty && batch.length > 0) queueMicrotask(flush);
    },
    suggest: (word, style) =>
      new Promise((resolve) => {
        if (broken) resolve([]);
        post({ type: 'suggest', id: nextId++, word, style }, (response) => resolve(response.type === 'suggested' ? response.suggestions : []));
      }),
    onAnswer(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

let shared: SpellChecker | null = null;

/** The one worker-backed checker every editor shares; the worker starts on the first question. */
export function sharedSpellChecker(): SpellChecker {
  shared ??= createWorkerSpellChecker(() => new Worker(new URL('./spellWorker.ts', import.meta.url), { type: 'module', name: 'spelling' }));
  return shared;
}
