import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Story } from '../../shared/story/storySchema';
import { deliveryReason } from './outboxFacts';
import { openOutbox } from './outboxPanelStore';
import { actionProblem, jobStateKey } from './outboxText';
import { useOutbox, useOutboxActions } from './useOutbox';
import { outboxKeys } from './queries';
import './outbox.css';

/**
 * Under the story's status in the workflow panel: where its delivery stands for each target, with the link to
 * the post once delivered and the reason when it failed, and "Gửi lại" for a scheduled or published story.
 */
export function DeliveryStatus({ story, timeZone }: { story: Story; timeZone: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const jobs = (useOutbox().data?.items ?? []).filter((item) => item.storyId === story.id);
  const { push } = useOutboxActions();
  const live = story.trashedAt === null && (story.status === 'scheduled' || story.status === 'published');
  useEffect(() => {
    // A move into or out of Hẹn giờ / Đã đăng queues a delivery at once: show it without waiting for the next poll.
    void queryClient.invalidateQueries({ queryKey: outboxKeys.list });
  }, [queryClient, story.id, story.status, story.trashedAt]);
  useEffect(() => {
    // A save of a story on its way queues it again, or holds it back: the badge says which without waiting.
    if (live) void queryClient.invalidateQueries({ queryKey: outboxKeys.list });
  }, [queryClient, live, story.revision]);

  if (!live && jobs.length === 0) return null;
  return (
    <div className="delivery-status" role="group" aria-label={t('outbox.delivery')}>
      {jobs.length > 0 ? (
        <ul className="delivery-jobs">
          {jobs.map((job) => {
            const stateKey = jobStateKey(job);
            const reason = deliveryReason(job, t, timeZone);
            return (
              <li key={job.jobId} className="delivery-job" data-testid="delivery-job">
                <span className="delivery-target">{t(`outbox.target.${job.target}`)}:</span>{' '}
                <span className={`badge delivery-state outbox-state-${stateKey}`}>{t(`outbox.state.${stateKey}`)}</span>
                {job.remote && (
                  <>
                    {' · '}
                    <a href={job.remote.url} target="_blank" rel="noreferrer" title={job.remote.url}>
                      {t(`outbox.open.${job.target}`)}
                    </a>
                  </>
                )}
                {reason && <p className="delivery-reason">{reason}</p>}
                {job.missedSchedule && <p className="delivery-reason">{t('outbox.missedShort')}</p>}
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="delivery-none">{t('outbox.notSent')}</p>
      )}
      <div className="delivery-actions">
        {live && (
          <button type="button" className="quiet-button delivery-push" disabled={push.isPending} onClick={() => push.mutate(story.id)}>
            {push.isPending ? t('outbox.pushing') : t('outbox.push')}
          </button>
        )}
        <button type="button" className="quiet-button" onClick={openOutbox}>
          {t('outbox.openPanel')}
        </button>
      </div>
      {push.error && (
        <p className="delivery-problem" role="alert">
          {actionProblem(push.error, t)}
        </p>
      )}
    </div>
  );
}
