import { useTranslation } from 'react-i18next';

/**
 * Shows or hides one side pane; the glyph sits on the pane's side of the window, so it reads as "that pane". On a
 * small screen only the glyph shows (the words stay its accessible name), so the top bar keeps to one line.
 */
export function PaneToggle({ side, open, onToggle }: { side: 'library' | 'inspector'; open: boolean; onToggle: () => void }) {
  const { t } = useTranslation();
  const glyph = <span aria-hidden="true" className="pane-toggle-glyph" />;
  return (
    <button type="button" className={`quiet-button pane-toggle pane-toggle-${side}`} aria-expanded={open} onClick={onToggle} title={t(open ? `panes.hide.${side}` : `panes.show.${side}`)}>
      {side === 'library' && glyph}
      <span className="pane-toggle-label">{t(`panes.${side}`)}</span>
      {side === 'inspector' && glyph}
    </button>
  );
}
