import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxItem } from '../../shared/publish/outboxSchema';
import { formatShortDateTime } from '../../shared/text/formatDateTime';
import { formatVietnameseDateTime } from '../../shared/text/vietnameseDate';
import { useSettings } from '../settings/useSettings';
import { useReturnFocus } from '../shortcuts/useReturnFocus';
import { deliveryOverlay } from '../../shared/publish/storyStanding';
import { deliveryReason, isUndelivered, needsAttention } from './outboxFacts';
import { actionProblem, jobStateKey, remoteLabel, remoteText, wordpressInstant } from './outboxText';
import { closeOutbox, useOutboxOpen } from './outboxPanelStore';
import { useFlushWhenOnline, useOutbox, useOutboxActions, useOutboxPolling } from './useOutbox';
import './outbox.css';

/** Mounted once in the app: keeps the outbox polled, sends it when the connection returns, and shows the panel when asked. */
export function OutboxHost() {
  useOutboxPolling();
  useFlushWhenOnline();
  return useOutboxOpen() ? <OutboxPanel onClose={closeOutbox} /> : null;
}

/**
 * "Hộp thư đi": every delivery, what became of it in the reporter's words, and what can be done about it.
 * What needs the reporter comes first; delivered stories follow with the link to where they went.
 */
export function OutboxPanel({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const outbox = useOutbox();
  const actions = useOutboxActions();
  const dialog = useRef<HTMLDialogElement>(null);
  useReturnFocus();
  useEffect(() => {
    const element = dialog.current;
    element?.showModal();
    return () => element?.close();
  }, []);

  const items = outbox.data?.items ?? [];
  const waiting = items.filter(isUndelivered);
  const failing = items.filter(needsAttention).length;
  const shown = [...waiting, ...items.filter((item) => !isUndelivered(item))];
  const sending = actions.flush.isPending || items.some((item) => item.state === 'sending');
  const problem = actions.flush.error ?? actions.retry.error ?? actions.cancel.error ?? actions.publishNow.error;

  return (
    <dialog ref={dialog} className="outbox-dialog" aria-labelledby="outbox-title" onClose={onClose} onCancel={onClose}>
      <div className="outbox-head">
        <h2 id="outbox-title">{t('outbox.title')}</h2>
        <button type="button" className="quiet-button" onClick={onClose}>
          {t('outbox.close')}
        </button>
      </div>
      <div className="outbox-summary">
        <p aria-live="polite">
          {outbox.isPending
            ? t('outbox.loading')
            : waiting.length
              ? t('outbox.waiting', { count: waiting.length }) + (failing ? ` ${t('outbox.failing', { count: failing })}` : '')
              : items.length
                ? t('outbox.allDelivered')
                : t('outbox.empty')}
        </p>
        <button type="button" className="primary-button" disabled={!waiting.length || actions.flush.isPending} onClick={() => actions.flush.mutate()}>
          {actions.flush.isPending ? t('outbox.flushing') : t('outbox.flush')}
        </button>
      </div>
      {sending && <progress className="outbox-progress" aria-label={t('outbox.sendingNow')} />}
      {outbox.isError && (
        <p className="outbox-problem" role="alert">
          {t('outbox.loadFailed', { message: outbox.error.message })}
        </p>
      )}
      {problem && (
        <p className="outbox-problem" role="alert">
          {actionProblem(problem, t)}
        </p>
      )}
      {shown.length > 0 && (
        <ul className="outbox-list" aria-label={t('outbox.list')}>
          {shown.map((item) => (
            <OutboxJob key={item.jobId} item={item} timeZone={settings.timeZone} actions={actions} />
          ))}
        </ul>
      )}
    </dialog>
  );
}

interface OutboxJobProps {
  item: OutboxItem;
  timeZone: string;
  actions: ReturnType<typeof useOutboxActions>;
}

function OutboxJob({ item, timeZone, actions }: OutboxJobProps) {
  const { t, i18n } = useTranslation();
  const headlineId = useId();
  const overlay = deliveryOverlay(item);
  const reason = deliveryReason(item, t, timeZone);
  const pending = [actions.retry, actions.cancel, actions.publishNow].some((action) => action.isPending && action.variables === item.jobId);
  const stateKey = jobStateKey(item);
  const missedAt = item.remote?.dateGmt ? wordpressInstant(item.remote.dateGmt) : null;
  return (
    <li className={`outbox-job is-${overlay ?? item.state}`}>
      <div className="outbox-job-head">
        <span className="outbox-job-headline" id={headlineId}>
          {item.headline.trim() || t('library.untitled')}
        </span>
        <span className={`badge outbox-state outbox-state-${stateKey}`} data-testid="outbox-state">
          {t(`outbox.state.${stateKey}`)}
        </span>
      </div>
      <p className="outbox-job-meta">
        <span>{t(`outbox.target.${item.target}`)}</span>
        <span>{t('outbox.attempts', { count: item.attempts })}</span>
        <time dateTime={item.updatedAt}>{formatShortDateTime(item.updatedAt, timeZone)}</time>
      </p>
      {reason && <p className="outbox-reason">{reason}</p>}
      {item.missedSchedule && <p className="outbox-reason">{t('outbox.missed', { time: missedAt ? formatVietnameseDateTime(missedAt, timeZone, i18n.language) : '' })}</p>}
      {item.remote && (
        <p className="outbox-remote">
          {t(remoteLabel(item))}{' '}
          <a href={item.remote.url} target="_blank" rel="noreferrer">
            {remoteText(item.remote.url)}
          </a>
        </p>
      )}
      {item.state !== 'delivered' || item.missedSchedule ? (
        <div className="outbox-actions" role="group" aria-labelledby={headlineId}>
          {item.missedSchedule && (
            <button type="button" className="primary-button" disabled={pending} onClick={() => actions.publishNow.mutate(item.jobId)}>
              {t('outbox.publishNow')}
            </button>
          )}
          {item.state !== 'delivered' && item.state !== 'sending' && item.state !== 'held' && (
            <button type="button" className="outbox-button" disabled={pending} onClick={() => actions.retry.mutate(item.jobId)}>
              {t(item.error ? 'outbox.retry' : 'outbox.sendNow')}
            </button>
          )}
          {item.state !== 'delivered' && (
            <button type="button" className="quiet-button" disabled={pending} onClick={() => actions.cancel.mutate(item.jobId)}>
              {t('outbox.cancel')}
            </button>
          )}
        </div>
      ) : null}
    </li>
  );
}
