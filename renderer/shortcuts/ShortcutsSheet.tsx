import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { displayKeys, shortcutList } from './shortcutList';
import { useReturnFocus } from './useReturnFocus';

/** Every shortcut on one sheet, opened with Mod+/. */
export function ShortcutsSheet({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  // Back to the button, or to the editor when Ctrl+/ opened it from there.
  useReturnFocus();
  useEffect(() => {
    const element = dialog.current;
    element?.showModal();
    return () => element?.close();
  }, []);
  return (
    <dialog ref={dialog} className="shortcuts-sheet" aria-label={t('shortcuts.title')} onClose={onClose} onCancel={onClose}>
      <h2>{t('shortcuts.title')}</h2>
      <table>
        <thead>
          <tr>
            <th>{t('shortcuts.action')}</th>
            <th>{t('shortcuts.keys')}</th>
          </tr>
        </thead>
        <tbody>
          {shortcutList.map((shortcut) => (
            <tr key={shortcut.keys}>
              <td>{t(shortcut.labelKey)}</td>
              <td>
                <kbd>{displayKeys(shortcut.keys)}</kbd>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="primary-button" onClick={onClose} autoFocus>
        {t('shortcuts.close')}
      </button>
    </dialog>
  );
}
