import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { paperPageCss } from '../../shared/export/paperPageCss';
import { paperPageLayout } from '../../shared/export/paperPageLayout';
import { renderPaperArticle } from '../../shared/export/renderPaperArticle';
import { api } from '../api/datelineApi';
import { figureImageUrl } from '../media/mediaUrl';
import { useSettings } from '../settings/useSettings';
import { storyKeys } from '../library/queries';
import './printView.css';

/**
 * The story alone, as the paper prints it, with the same article and stylesheet as the HTML export. The
 * browser prints it ("Save as PDF" makes the proof); the desktop app prints it to a PDF with printToPDF. The
 * stylesheet is adopted rather than inlined, since the page's CSP allows no inline style.
 */
export function PrintView({ id, autoPrint }: { id: string; autoPrint: boolean }) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const story = useQuery({ queryKey: storyKeys.one(id), queryFn: () => api.stories.get({ id }) });
  const page = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(paperPageCss);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => void (document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet));
  }, []);

  const loaded = story.data;
  useEffect(() => {
    if (!loaded) return;
    document.title = loaded.headline.trim() || 'Dateline';
    let cancelled = false;
    const images = [...(page.current?.querySelectorAll('img') ?? [])];
    void Promise.all([document.fonts.ready, ...images.map((image) => image.decode().catch(() => undefined))]).then(() => {
      if (cancelled) return;
      page.current?.setAttribute('data-ready', 'true');
      if (autoPrint) window.print();
    });
    return () => void (cancelled = true);
  }, [loaded, autoPrint]);

  if (story.isPending) return <p className="print-message">{t('editor.loading')}</p>;
  if (story.isError) return <p className="print-message">{t('editor.loadFailed', { message: story.error.message })}</p>;
  const layout = paperPageLayout(story.data, { timeZone: settings.timeZone, now: new Date().toISOString() });
  const html = renderPaperArticle(layout, { imageUrl: (attrs) => figureImageUrl(attrs) });
  return (
    <div className="print-view">
      <div className="print-bar" role="toolbar" aria-label={t('export.printBar')}>
        <span>{t('export.printHelp')}</span>
        <button type="button" className="primary-button" onClick={() => window.print()}>
          {t('export.print')}
        </button>
      </div>
      <div ref={page} className="paper" role="document" aria-label={t('export.printLabel')} dangerouslySetInnerHTML={{ __html: html }} />
    </div>
  );
}
