import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportFormat } from '../../shared/export/exportFormats';
import { api } from '../api/datelineApi';
import { downloadFile } from './downloadFile';
import { printViewUrl } from './printViewUrl';
import './exportMenu.css';

interface ExportMenuProps {
  storyId: string;
  /** Saves what is in the editor, so the file holds the words on screen. */
  beforeExport: () => Promise<unknown>;
}

type Choice = ExportFormat | 'pdf';
const choices: Choice[] = ['docx', 'pdf', 'html', 'ninjsBundle', 'ninjs'];

/** The story menu's "Xuất bài": Word, a PDF proof, a web page, or ninjs for the wire, each as a file. */
export function ExportMenu({ storyId, beforeExport }: ExportMenuProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState<Choice | null>(null);
  const [error, setError] = useState<string | null>(null);
  const menu = useRef<HTMLDivElement>(null);
  const opener = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent) => {
      if (!menu.current?.contains(event.target as Node)) setOpen(false);
    };
    window.addEventListener('mousedown', close);
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    return () => window.removeEventListener('mousedown', close);
  }, [open]);

  /** Closes the menu with the focus back on its button, not dropped to the page with the removed items. */
  const closeToButton = () => {
    setOpen(false);
    opener.current?.focus();
  };

  const run = async (choice: Choice) => {
    closeToButton();
    setError(null);
    setBusy(choice);
    try {
      await beforeExport();
      if (choice === 'pdf') {
        // The print view prints itself once its photos and fonts are in; "Save as PDF" is in the print dialog.
        window.open(printViewUrl(storyId, true), '_blank');
      } else {
        const file = await api.stories.export({ id: storyId, format: choice });
        downloadFile(file.fileName, file.mimeType, file.dataBase64);
      }
    } catch (failure) {
      setError(t('export.failed', { message: (failure as Error).message }));
    } finally {
      setBusy(null);
    }
  };

  const onMenuKey = (event: React.KeyboardEvent) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    if (event.key === 'Escape') {
      // Only the menu closes: not focus mode behind it.
      event.stopPropagation();
      closeToButton();
    } else if (event.key === 'Tab') {
      // Tab leaves the menu from its button, in the page's order.
      closeToButton();
      return;
    } else if (event.key === 'ArrowDown') items[(at + 1) % items.length]?.focus();
    else if (event.key === 'ArrowUp') items[(at - 1 + items.length) % items.length]?.focus();
    else return;
    event.preventDefault();
  };

  return (
    <div className="export-menu" ref={menu}>
      {/* aria-disabled, not disabled, while a file is made: a disabled button cannot hold the focus the menu gives back. */}
      <button ref={opener} type="button" className="quiet-button" aria-haspopup="menu" aria-expanded={open} aria-disabled={busy !== null || undefined} onClick={() => busy === null && setOpen(!open)}>
        {busy ? t('export.working', { format: t(`export.short.${busy}`) }) : t('export.open')} ▾
      </button>
      {open && (
        <div className="export-menu-list" role="menu" aria-label={t('export.label')} onKeyDown={onMenuKey}>
          {choices.map((choice) => (
            <button key={choice} type="button" role="menuitem" className="export-menu-item" onClick={() => void run(choice)}>
              <span className="export-menu-name">{t(`export.${choice}`)}</span>
              <span className="export-menu-hint">{t(`export.hint.${choice}`)}</span>
            </button>
          ))}
        </div>
      )}
      {error && (
        <p className="banner banner-warning export-error" role="alert">
          <span>{error}</span>
          <button type="button" onClick={() => setError(null)}>{t('media.dismiss')}</button>
        </p>
      )}
    </div>
  );
}
