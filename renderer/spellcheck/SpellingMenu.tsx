import type { Editor } from '@tiptap/react';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useSettings } from '../settings/useSettings';
import { sharedSpellChecker, type SpellChecker } from './spellChecker';
import './spellcheck.css';
import { type SpellcheckOptions, spellingMenuEvent, type SpellingMenuRequest } from './Spellcheck';

const gapPx = 8;
const edgePx = 8;

function checkerOf(editor: Editor): SpellChecker {
  const extension = editor.extensionManager.extensions.find((item) => item.name === 'spellcheck');
  return (extension?.options as SpellcheckOptions | undefined)?.checker ?? sharedSpellChecker();
}

/**
 * The spelling context menu: suggestions for the misspelled word under the pointer (or the caret, with Shift+F10
 * or the menu key) and "add to the newsroom dictionary". It also keeps the editor's spellcheck in step with the
 * settings: on or off, the newsroom dictionary, the tone-mark style of suggestions.
 */
export function SpellingMenu({ editor }: { editor: Editor }) {
  const { t } = useTranslation();
  const { settings, update } = useSettings();
  const [request, setRequest] = useState<SpellingMenuRequest | null>(null);
  const [suggestions, setSuggestions] = useState<string[] | null>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const { spellcheck, dictionary, toneStyle } = settings;

  useEffect(() => {
    editor.commands.setSpellcheck({ enabled: spellcheck, dictionary, toneStyle });
  }, [editor, spellcheck, dictionary, toneStyle]);

  useEffect(() => {
    const dom = editor.view.dom;
    let latest = 0;
    const onOpen = (event: Event) => {
      const detail = (event as CustomEvent<SpellingMenuRequest>).detail;
      const asked = ++latest;
      setRequest(detail);
      setSuggestions(null);
      void checkerOf(editor)
        .suggest(detail.word, toneStyle)
        .then((found) => {
          if (asked === latest) setSuggestions(found);
        });
    };
    dom.addEventListener(spellingMenuEvent, onOpen);
    return () => dom.removeEventListener(spellingMenuEvent, onOpen);
  }, [editor, toneStyle]);

  const close = useCallback(
    (refocusEditor: boolean) => {
      setRequest(null);
      if (refocusEditor) editor.view.focus();
    },
    [editor],
  );

  // Placed at the pointer, kept on screen, and given focus so the arrows work at once.
  useLayoutEffect(() => {
    const menu = menuRef.current;
    if (!request || !menu) return;
    const { width, height } = menu.getBoundingClientRect();
    const left = Math.max(edgePx, Math.min(request.x, window.innerWidth - width - edgePx));
    const below = request.lineBottom + gapPx;
    const top = below + height > window.innerHeight - edgePx ? Math.max(edgePx, request.lineTop - height - gapPx) : below;
    menu.style.left = `${left}px`;
    menu.style.top = `${top}px`;
    menu.focus();
  }, [request]);

  // When the suggestions arrive, the first one takes the focus, unless the reporter has already moved it.
  useEffect(() => {
    const menu = menuRef.current;
    if (menu && suggestions && document.activeElement === menu) menu.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [suggestions]);

  useEffect(() => {
    if (!request) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!menuRef.current?.contains(event.target as Node)) close(false);
    };
    const onScroll = (event: Event) => {
      if (!menuRef.current?.contains(event.target as Node)) close(false);
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    document.addEventListener('scroll', onScroll, true);
    window.addEventListener('resize', onScroll);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown, true);
      document.removeEventListener('scroll', onScroll, true);
      window.removeEventListener('resize', onScroll);
    };
  }, [request, close]);

  if (!request) return null;

  const replace = (suggestion: string) => {
    editor.chain().focus().replaceMisspelling(request, suggestion).run();
    setRequest(null);
  };
  const addToDictionary = () => {
    const next = [...dictionary, request.word];
    // The underline goes at once; the settings file follows.
    editor.commands.setSpellcheck({ dictionary: next });
    close(true);
    update({ dictionary: next }).catch((error: unknown) => console.warn('The newsroom dictionary could not be saved.', error));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const items = [...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const current = items.indexOf(document.activeElement as HTMLElement);
    const focusAt = (index: number) => items[(index + items.length) % items.length]?.focus();
    if (event.key === 'Escape' || event.key === 'Tab') close(true);
    else if (event.key === 'ArrowDown') focusAt(current + 1);
    else if (event.key === 'ArrowUp') focusAt(current < 0 ? -1 : current - 1);
    else if (event.key === 'Home') focusAt(0);
    else if (event.key === 'End') focusAt(-1);
    else return;
    event.preventDefault();
    event.stopPropagation();
  };

  return createPortal(
    <div ref={menuRef} role="menu" tabIndex={-1} className="spelling-menu" aria-label={t('spelling.menu', { word: request.word })} onKeyDown={onKeyDown}>
      <div className="spelling-menu-word" aria-hidden="true">
        {request.word}
      </div>
      {suggestions === null ? (
        <div className="spelling-menu-note" role="status">
          {t('spelling.loading')}
        </div>
      ) : suggestions.length === 0 ? (
        <div className="spelling-menu-note">{t('spelling.noSuggestions')}</div>
      ) : (
        suggestions.map((suggestion) => (
          <button key={suggestion} type="button" role="menuitem" tabIndex={-1} className="spelling-menu-item spelling-menu-suggestion" onClick={() => replace(suggestion)}>
            {suggestion}
          </button>
        ))
      )}
      <div className="spelling-menu-separator" role="separator" />
      <button type="button" role="menuitem" tabIndex={-1} className="spelling-menu-item" onClick={addToDictionary}>
        {t('spelling.addToDictionary')}
      </button>
    </div>,
    document.body,
  );
}
