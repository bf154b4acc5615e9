import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { type Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import { newsroomKey } from '../../shared/text/spellSyllables';
import type { ToneStyle } from '../../shared/text/toneMarks';
import { checkTextblock, type MisspellingSpec } from './misspellings';
import { sharedSpellChecker, type SpellChecker } from './spellChecker';
import { visibleTopLevelRange } from './visibleRange';

export interface SpellcheckOptions {
  /** Whether misspellings are underlined. @default true */
  enabled: boolean;
  /** The newsroom's own words, accepted as spelled right in either tone-mark style and any case. @default [] */
  dictionary: string[];
  /** The tone-mark style suggestions are given in. @default 'new' */
  toneStyle: ToneStyle;
  /** Quiet time after an edit before the touched paragraphs are checked. @default 300 */
  debounceMs: number;
  /** The dictionary; null uses the worker-backed checker all editors share. @default null */
  checker: SpellChecker | null;
}

/** What the settings can change while the editor is open. */
export type SpellcheckSettings = Partial<Pick<SpellcheckOptions, 'enabled' | 'dictionary' | 'toneStyle'>>;

export interface SpellcheckConfig {
  enabled: boolean;
  /** The newsroom dictionary as `newsroomKey`s. */
  accepted: ReadonlySet<string>;
  toneStyle: ToneStyle;
  /** Bumped on every change, so what was checked under the old settings is checked again. */
  generation: number;
}

export interface SpellcheckState {
  config: SpellcheckConfig;
  decorations: DecorationSet;
  /** The textblocks the last transaction changed, to be checked again whatever was known about them. */
  touched: readonly ProseMirrorNode[];
}

type SpellcheckMeta = { type: 'configure'; settings: SpellcheckSettings } | { type: 'decorate'; blocks: { from: number; to: number; decorations: Decoration[] }[] };

/** Where a misspelling is, and where to open its menu, as the context menu needs it. */
export interface SpellingMenuRequest {
  from: number;
  to: number;
  word: string;
  /** Where the word starts on screen: the menu opens under its line, or above it near the window's foot. */
  x: number;
  lineTop: number;
  lineBottom: number;
}

/** The DOM event, on the editor element, that asks the spelling menu to open. */
export const spellingMenuEvent = 'dateline:spelling-menu';

export const spellcheckKey = new PluginKey<SpellcheckState>('spellcheck');

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    spellcheck: {
      /** Turns spellcheck on or off, or changes the newsroom dictionary or the suggestions' tone-mark style. */
      setSpellcheck: (settings: SpellcheckSettings) => ReturnType;
      /** Replaces a misspelled word with a suggestion, if the word is still where it was. Undoable. */
      replaceMisspelling: (range: { from: number; to: number; word: string }, replacement: string) => ReturnType;
      /** Opens the spelling menu for the misspelling at the caret, if there is one. */
      openSpellingMenu: () => ReturnType;
    };
  }
}

/** The misspelling covering `pos`, if any. */
export function misspellingAt(state: EditorState, pos: number): { from: number; to: number; word: string } | null {
  const found = spellcheckKey.getState(state)?.decorations.find(pos, pos) ?? [];
  const decoration = found.find((item) => item.from <= pos && pos <= item.to);
  return decoration ? { from: decoration.from, to: decoration.to, word: (decoration.spec as MisspellingSpec).word } : null;
}

/** The menu goes under the word, not over it, so the reporter still sees what is being corrected. */
function menuRequest(view: EditorView, found: { from: number; to: number; word: string }): SpellingMenuRequest {
  const start = view.coordsAtPos(found.from, 1);
  return { ...found, x: start.left, lineTop: start.top, lineBottom: start.bottom };
}

function configure(config: SpellcheckConfig, settings: SpellcheckSettings): SpellcheckConfig {
  return {
    enabled: settings.enabled ?? config.enabled,
    accepted: settings.dictionary ? new Set(settings.dictionary.map(newsroomKey)) : config.accepted,
    toneStyle: settings.toneStyle ?? config.toneStyle,
    generation: config.generation + 1,
  };
}

/** The textblocks a transaction changed, found in the new document from its step maps. */
function touchedTextblocks(tr: Transaction): ProseMirrorNode[] {
  const touched: ProseMirrorNode[] = [];
  tr.mapping.maps.forEach((map, index) => {
    const rest = tr.mapping.slice(index + 1);
    map.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
      const from = Math.min(rest.map(newStart, -1), tr.doc.content.size);
      const to = Math.min(rest.map(newEnd, 1), tr.doc.content.size);
      tr.doc.nodesBetween(from, to, (node) => {
        if (node.isTextblock) touched.push(node);
        return !node.isTextblock;
      });
    });
  });
  return touched;
}

const sameDecorations = (a: readonly Decoration[], b: readonly Decoration[]) =>
  a.length === b.length && a.every((item, index) => item.from === b[index]!.from && item.to === b[index]!.to);

const sliceMs = 4;

/**
 * Checks what is on screen, after the reporter pauses: never on the keystroke itself. A textblock is checked
 * once and then left alone until an edit touches it or the settings change, so a pause in a 10,000-word story
 * checks one paragraph, not the story. Words go to the worker only the first time they are seen.
 */
class SpellcheckRunner {
  private checked = new WeakSet<ProseMirrorNode>();
  private generation = -1;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** A block left incomplete because the caret was in a word; checked again when the caret moves on. */
  private deferred = false;
  private typing = false;
  private readonly unsubscribe: () => void;
  private readonly onScroll = () => this.schedule(120);

  constructor(
    private readonly view: EditorView,
    private readonly checker: SpellChecker,
    private readonly debounceMs: number,
  ) {
    this.unsubscribe = checker.onAnswer(() => this.schedule(0));
    // Scrolling happens in whichever pane holds the editor; scroll events do not bubble but can be captured.
    document.addEventListener('scroll', this.onScroll, { capture: true, passive: true });
    this.schedule(0);
  }

  update(previous: EditorState) {
    const state = spellcheckKey.getState(this.view.state);
    if (!state) return;
    if (state.config.generation !== this.generation) {
      this.generation = state.config.generation;
      this.checked = new WeakSet();
      this.schedule(0);
      return;
    }
    if (this.view.state.doc !== previous.doc) {
      for (const node of state.touched) this.checked.delete(node);
      this.typing = true;
      this.schedule(this.debounceMs);
    } else if (!this.view.state.selection.eq(previous.selection)) {
      this.typing = false;
      if (this.deferred) this.schedule(this.debounceMs);
    }
  }

  destroy() {
    clearTimeout(this.timer);
    this.unsubscribe();
    document.removeEventListener('scroll', this.onScroll, { capture: true });
  }

  private schedule(delayMs: number) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.pass(), delayMs);
  }

  /** Checks the visible blocks from top-level block `resumeAt` on, in slices of at most `sliceMs`. */
  private pass(resumeAt = 0) {
    const { view } = this;
    const state = spellcheckKey.getState(view.state);
    if (!state?.config.enabled || view.isDestroyed) return;
    // Not on the page yet (the editor is built before React mounts it): there is nothing visible to check.
    if (!view.dom.isConnected) return this.schedule(100);
    const started = performance.now();
    const { doc, selection } = view.state;
    const caret = this.typing && selection.empty ? selection.head : null;
    const blocks: { from: number; to: number; decorations: Decoration[] }[] = [];
    const unknown = new Set<string>();
    if (resumeAt === 0) this.deferred = false;
    const visit = (node: ProseMirrorNode, pos: number) => {
      if (this.checked.has(node)) return;
      const start = pos + 1;
      const result = checkTextblock(node, start, this.checker, state.config.accepted, caret);
      for (const word of result.unknown) unknown.add(word);
      if (!result.complete) this.deferred = true;
      const end = start + node.content.size;
      if (!sameDecorations(state.decorations.find(start, end), result.decorations)) blocks.push({ from: start, to: end, decorations: result.decorations });
      if (result.complete && result.unknown.length === 0) this.checked.add(node);
    };
    const [first, last] = visibleTopLevelRange(view);
    let index = 0;
    let stoppedAt = -1;
    doc.forEach((node, offset) => {
      if (stoppedAt < 0 && index >= Math.max(first, resumeAt) && index <= last) {
        if (node.isTextblock) visit(node, offset);
        else
          node.descendants((child, childPos) => {
            if (child.isTextblock) visit(child, offset + 1 + childPos);
            return !child.isTextblock;
          });
        // A long task would delay the next keystroke; the rest of the screen waits for the next slice.
        if (performance.now() - started > sliceMs) stoppedAt = index + 1;
      }
      index += 1;
    });
    if (unknown.size > 0) this.checker.request(unknown);
    if (blocks.length > 0) view.dispatch(view.state.tr.setMeta(spellcheckKey, { type: 'decorate', blocks } satisfies SpellcheckMeta).setMeta('addToHistory', false));
    performance.measure('dateline:spellcheck-pass', { start: started });
    // A keystroke in between reschedules from the top (schedule clears this timer); checked blocks are skipped.
    if (stoppedAt >= 0 && stoppedAt <= last) this.timer = setTimeout(() => this.pass(stoppedAt), 0);
  }
}

/**
 * Underlines misspelled Vietnamese syllables with decorations, never by changing the document. The dictionary
 * works in a Web Worker; the right-click menu (SpellingMenu) offers suggestions and the newsroom dictionary.
 */
export const Spellcheck = Extension.create<SpellcheckOptions>({
  name: 'spellcheck',

  addOptions() {
    return { enabled: true, dictionary: [], toneStyle: 'new', debounceMs: 300, checker: null };
  },

  addCommands() {
    return {
      setSpellcheck:
        (settings) =>
        ({ tr, dispatch }) => {
          if (dispatch) tr.setMeta(spellcheckKey, { type: 'configure', settings } satisfies SpellcheckMeta).setMeta('addToHistory', false);
          return true;
        },
      replaceMisspelling:
        ({ from, to, word }, replacement) =>
        ({ tr, dispatch }) => {
          if (to > tr.doc.content.size || tr.doc.textBetween(from, to).normalize('NFC') !== word) return false;
          if (dispatch) tr.insertText(replacement, from, to);
          return true;
        },
      openSpellingMenu:
        () =>
        ({ state, view }) => {
          const found = misspellingAt(state, state.selection.head);
          if (!found) return false;
          view.dom.dispatchEvent(new CustomEvent(spellingMenuEvent, { detail: menuRequest(view, found) }));
          return true;
        },
    };
  },

  addKeyboardShortcuts() {
    // The usual keyboard way to a context menu; the menu key itself arrives as a contextmenu event.
    return { 'Shift-F10': () => this.editor.commands.openSpellingMenu() };
  },

  addProseMirrorPlugins() {
    const { options } = this;
    const checker = options.checker ?? sharedSpellChecker();
    return [
      new Plugin<SpellcheckState>({
        key: spellcheckKey,
        state: {
          init: () => ({
            config: configure({ enabled: options.enabled, accepted: new Set(), toneStyle: options.toneStyle, generation: -1 }, { dictionary: options.dictionary }),
            decorations: DecorationSet.empty,
            touched: [],
          }),
          apply: (tr, value) => {
            const meta = tr.getMeta(spellcheckKey) as SpellcheckMeta | undefined;
            let { config, decorations } = value;
            const touched = tr.docChanged ? touchedTextblocks(tr) : [];
            if (tr.docChanged) decorations = decorations.map(tr.mapping, tr.doc);
            if (meta?.type === 'configure') {
              config = configure(config, meta.settings);
              if (!config.enabled) decorations = DecorationSet.empty;
              else if (meta.settings.dictionary) {
                // A word just added loses its underline at once, everywhere, not only on screen.
                decorations = decorations.remove(decorations.find(undefined, undefined, (spec: MisspellingSpec) => config.accepted.has(newsroomKey(spec.word))));
              }
            } else if (meta?.type === 'decorate' && config.enabled) {
              for (const block of meta.blocks) decorations = decorations.remove(decorations.find(block.from, block.to)).add(tr.doc, block.decorations);
            }
            return config === value.config && decorations === value.decorations && touched.length === 0 && value.touched.length === 0 ? value : { config, decorations, touched };
          },
        },
        view: (view) => {
          const runner = new SpellcheckRunner(view, checker, options.debounceMs);
          return { update: (_view, previous) => runner.update(previous), destroy: () => runner.destroy() };
        },
        props: {
          decorations: (state) => spellcheckKey.getState(state)?.decorations,
          handleDOMEvents: {
            contextmenu: (view, event) => {
              // A right click lands where the pointer is; the menu key (button 0) at the caret.
              const fromKeyboard = event.button === 0;
              const pos = fromKeyboard ? view.state.selection.head : view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos;
              const found = pos === undefined ? null : misspellingAt(view.state, pos);
              if (!found) return false;
              event.preventDefault();
              view.dom.dispatchEvent(new CustomEvent(spellingMenuEvent, { detail: menuRequest(view, found) }));
              return true;
            },
          },
        },
      }),
    ];
  },
});
