import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { formatVietnameseDateTime } from '../../shared/text/vietnameseDate';
import { api } from '../api/datelineApi';
import { showToast } from '../platform/toastStore';
import { useSettings } from '../settings/useSettings';

// A restore reloads the window, so its undo is offered after the reload: the backup the restore kept of the
// library it replaced is noted for this tab (sessionStorage), and the reloaded app offers to go back to it.

const storageKey = 'dateline.restoreUndo';
const offerSchema = z.object({ keptAs: z.string(), restoredTo: z.string() });
type Offer = z.infer<typeof offerSchema>;

/** Notes, before the reload, what "Hoàn tác" would bring back. */
export function offerRestoreUndo(offer: Offer): void {
  sessionStorage.setItem(storageKey, JSON.stringify(offer));
}

function takeOffer(): Offer | null {
  const raw = sessionStorage.getItem(storageKey);
  sessionStorage.removeItem(storageKey);
  if (!raw) return null;
  try {
    return offerSchema.parse(JSON.parse(raw));
  } catch {
    return null;
  }
}

/** Mounted once in the app: after a restore, "Đã khôi phục thư viện về lúc … · Hoàn tác". */
export function RestoreUndoOffer() {
  const { t, i18n } = useTranslation();
  const { settings } = useSettings();
  useEffect(() => {
    const offer = takeOffer();
    if (!offer) return;
    showToast({
      id: 'restore-undo',
      message: t('backup.restoredToast', { when: formatVietnameseDateTime(offer.restoredTo, settings.timeZone, i18n.language) }),
      action: {
        label: t('toasts.undo'),
        run: () =>
          void api.backup
            .restore({ fileName: offer.keptAs })
            .then(() => window.location.reload())
            .catch((error: unknown) => showToast({ message: t('backup.undoFailed', { message: (error as Error).message }) })),
      },
    });
    // Once per reload: the toast is shown when the app first renders.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return null;
}
