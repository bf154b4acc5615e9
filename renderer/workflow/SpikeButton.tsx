import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Story } from '../../shared/story/storySchema';
import { api } from '../api/datelineApi';
import { ConfirmDialog } from '../platform/ConfirmDialog';
import { storyReopened } from '../library/events';
import { showToast } from '../platform/toastStore';

interface SpikeButtonProps {
  story: Story;
  className?: string;
  /** The button's words; "Bỏ bài (vào thùng rác)" by default. */
  label?: string;
  /** Takes the story away (a move to 'spiked', or the trash outright) and answers with it as saved. */
  spike: () => Promise<Story>;
  onSpiked: (story: Story) => void;
}

/**
 * "Bỏ bài (vào thùng rác)": asks first, naming the story and where it goes, then offers "Hoàn tác", which puts the
 * story back exactly as it was (its status included) and opens it again. The trash keeps it 30 days either way.
 */
export function SpikeButton({ story, className = 'danger-quiet-button', label, spike, onSpiked }: SpikeButtonProps) {
  const { t } = useTranslation();
  const [opener, setOpener] = useState<HTMLElement | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const headline = story.headline.trim() || t('library.untitled');
  const onItsWay = story.status === 'scheduled' || story.status === 'published';

  const confirm = async () => {
    setBusy(true);
    try {
      const spiked = await spike();
      setOpener(null);
      onSpiked(spiked);
      showToast({
        message: t('workflow.spikedToast', { headline }),
        action: {
          label: t('toasts.undo'),
          run: () =>
            void api.stories
              .restore({ id: story.id })
              .then((restored) => storyReopened.emit(restored))
              .catch((error: unknown) => showToast({ message: t('workflow.undoFailed', { message: (error as Error).message }) })),
        },
      });
    } catch (error) {
      setOpener(null);
      setProblem(t('workflow.failed', { message: (error as Error).message }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" className={className} onClick={(event) => setOpener(event.currentTarget)}>
        {label ?? t('workflow.move.spiked')}
      </button>
      {problem && (
        <p className="workflow-problem" role="alert">
          {problem}
        </p>
      )}
      {opener && (
        <ConfirmDialog
          title={t('workflow.confirm.spikeTitle', { headline })}
          confirmLabel={t('workflow.confirm.spike')}
          danger
          busy={busy}
          opener={opener}
          onConfirm={() => void confirm()}
          onCancel={() => setOpener(null)}
        >
          <p>{t('workflow.confirm.spikeBody')}</p>
          {onItsWay && <p>{t('workflow.confirm.spikeWithdraws')}</p>}
        </ConfirmDialog>
      )}
    </>
  );
}
