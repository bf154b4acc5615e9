import { useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DatelineError } from '../../shared/api/DatelineError';
import type { Story, WorkflowStatus } from '../../shared/story/storySchema';
import { formatNumber } from '../../shared/text/formatNumber';
import type { ChecklistItem as CheckedItem } from '../../shared/workflow/prePublishChecklist';
import { nextStatuses, workflowStatusOf } from '../../shared/workflow/storyTransitions';
import { api } from '../api/datelineApi';
import { ConfirmDialog } from '../platform/ConfirmDialog';
import { DeliveryStatus } from '../outbox/DeliveryStatus';
import { StoryStatusBadge } from '../outbox/StatusBadge';
import { openSettings } from '../settings/settingsDialogStore';
import { useSettings } from '../settings/useSettings';
import { HoldNotice } from './HoldNotice';
import { PublishConfirm, type PublishRequest } from './PublishConfirm';
import { destinationsText } from './publishDestinations';
import { ScheduleFacts } from './ScheduleFacts';
import { SpikeButton } from './SpikeButton';
import { SchedulePicker } from './SchedulePicker';
import './workflow.css';
import { checklistText } from './checklistText';
import { optionalKey, type MessageKey } from '../i18n/messageKey';

/** A checklist item as it crosses the API, its field a plain string. */
type ChecklistItem = Omit<CheckedItem, 'field'> & { field: string };

interface WorkflowPanelProps {
  story: Story;
  /** Saves what is in the editor, so the checks see the words on screen. */
  beforeMove: () => Promise<void>;
  onMoved: (story: Story) => void;
}

/** What the panel shows under the buttons: a refused move with its problems, or the checklist asked for. */
type Shown = { kind: 'refused'; to: WorkflowStatus; publishAt?: string; items: ChecklistItem[]; message?: string } | { kind: 'checked'; items: ChecklistItem[]; words?: number } | null;

// Hẹn giờ needs a publish time: it has its own small form (SchedulePicker) rather than a bare button. Spiking
// takes the story away: it sits apart from the moves forward, behind its own question (SpikeButton).
const movesWithoutButton: readonly WorkflowStatus[] = ['scheduled', 'spiked'];

/** A question open before a move: publishing (where and when), or taking a published story down. */
type Asking = ({ kind: 'publish'; request: PublishRequest } | { kind: 'kill'; where: string }) & { opener: HTMLElement } | null;

/**
 * The story's place on the desk and the moves open from it. A refused move lists every problem at once,
 * errors apart from warnings; warnings alone can be overridden ("Vẫn chuyển"). Publishing and scheduling are
 * checked first and then asked once, naming where the story goes and when; taking a story down and spiking it
 * are asked too, and a spike can be undone.
 */
export function WorkflowPanel({ story, beforeMove, onMoved }: WorkflowPanelProps) {
  const { t } = useTranslation();
  const [shown, setShown] = useState<Shown>(null);
  const [busy, setBusy] = useState(false);
  const { settings } = useSettings();
  const [asking, setAsking] = useState<Asking>(null);
  const from = workflowStatusOf(story);
  const moves = nextStatuses(from).filter((to) => !movesWithoutButton.includes(to));
  // A move may have words of its own from this status ('Gửi lại' from published); else the move's own name.
  const moveLabel = (to: WorkflowStatus) => t([optionalKey(`workflow.move.${from}-${to}`), `workflow.move.${to}`]);

  const move = async (to: WorkflowStatus, acceptWarnings = false, publishAt?: string) => {
    setBusy(true);
    try {
      await beforeMove();
      const moved = await api.stories.transition({ id: story.id, to, acceptWarnings, ...(publishAt ? { publishAt } : {}) });
      setShown(null);
      onMoved(moved);
    } catch (error) {
      const details = error instanceof DatelineError ? (error.details as { items?: ChecklistItem[]; reason?: string } | undefined) : undefined;
      const items = details?.items ?? [];
      const message = items.length ? undefined : details?.reason === 'not_allowed' ? t('workflow.notAllowed') : t('workflow.failed', { message: (error as Error).message });
      setShown({ kind: 'refused', to, items, message, ...(publishAt ? { publishAt } : {}) });
    } finally {
      setBusy(false);
    }
  };
  // Checked before it asks: a story with errors is refused with its list, never asked about.
  const askToPublish = async (to: 'published' | 'scheduled', button: HTMLElement, publishAt?: string) => {
    setBusy(true);
    try {
      await beforeMove();
      const [checked, status] = await Promise.all([api.stories.checklist({ id: story.id, to, ...(publishAt ? { publishAt } : {}) }), api.publishing.status({})]);
      if (checked.items.some((item) => item.severity === 'error')) {
        setShown({ kind: 'refused', to, items: checked.items, ...(publishAt ? { publishAt } : {}) });
        return;
      }
      setShown(null);
      setAsking({ kind: 'publish', opener: button, request: { to, items: checked.items, targets: status.targets, ...(publishAt ? { publishAt } : {}) } });
    } catch (error) {
      setShown({ kind: 'refused', to, items: [], message: t('workflow.failed', { message: (error as Error).message }) });
    } finally {
      setBusy(false);
    }
  };
  const askToKill = async (button: HTMLElement) => {
    const status = await api.publishing.status({}).catch(() => ({ targets: [] }));
    setAsking({ kind: 'kill', opener: button, where: destinationsText(status.targets, t) });
  };
  const onMove = (to: WorkflowStatus, event: MouseEvent<HTMLButtonElement>) => {
    if (to === 'published') void askToPublish('published', event.currentTarget);
    else if (to === 'killed') void askToKill(event.currentTarget);
    else void move(to);
  };
  const check = async () => {
    setBusy(true);
    try {
      await beforeMove();
      setShown({ kind: 'checked', ...(await api.stories.checklist({ id: story.id, to: 'published' })) });
    } finally {
      setBusy(false);
    }
  };
  const answered = (then?: () => void) => {
    setAsking(null);
    then?.();
  };

  return (
    <section className="workflow" aria-labelledby="workflow-title">
      <div className="workflow-head">
        <h3 id="workflow-title">{t('workflow.title')}</h3>
        <StoryStatusBadge story={story} timeZone={settings.timeZone} testId="workflow-status" />
      </div>
      <ScheduleFacts story={story} timeZone={settings.timeZone} />
      <HoldNotice story={story} />
      <DeliveryStatus story={story} timeZone={settings.timeZone} />
      <div className="workflow-moves" role="group" aria-label={t('workflow.moves')}>
        {moves.map((to) => (
          <button key={to} type="button" className={`workflow-move${isForward(from, to) ? ' is-forward' : ''}`} disabled={busy} onClick={(event) => onMove(to, event)}>
            {moveLabel(to)}
          </button>
        ))}
        {from !== 'published' && from !== 'spiked' && (
          <button type="button" className="quiet-button" disabled={busy} onClick={() => void check()}>
            {t('workflow.check')}
          </button>
        )}
      </div>
      {nextStatuses(from).includes('scheduled') && (
        <SchedulePicker key={settings.timeZone} timeZone={settings.timeZone} busy={busy} onSchedule={(publishAt, button) => void askToPublish('scheduled', button, publishAt)} />
      )}
      {shown && <ChecklistPanel shown={shown} moveLabel={moveLabel} busy={busy} onOverride={(refused) => void move(refused.to, true, refused.publishAt)} onClose={() => setShown(null)} />}
      {nextStatuses(from).includes('spiked') && (
        <div className="workflow-danger">
          <SpikeButton story={story} spike={() => beforeMove().then(() => api.stories.transition({ id: story.id, to: 'spiked' }))} onSpiked={onMoved} />
        </div>
      )}
      {asking?.kind === 'publish' && (
        <PublishConfirm
          request={asking.request}
          timeZone={settings.timeZone}
          opener={asking.opener}
          onCancel={() => answered()}
          onConfirm={() => answered(() => void move(asking.request.to, true, asking.request.publishAt))}
        />
      )}
      {asking?.kind === 'kill' && (
        <ConfirmDialog
          title={t('workflow.confirm.killTitle', { headline: story.headline.trim() || t('library.untitled') })}
          confirmLabel={t('workflow.confirm.kill')}
          danger
          opener={asking.opener}
          onCancel={() => answered()}
          onConfirm={() => answered(() => void move('killed'))}
        >
          <p>{asking.where ? t('workflow.confirm.killBody', { where: asking.where }) : t('workflow.confirm.killBodyNowhere')}</p>
          <p>{t('workflow.confirm.killNoUndo')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}

/** The moves that take a story towards readers get the strong button; back-steps stay quiet. */
function isForward(from: WorkflowStatus, to: WorkflowStatus): boolean {
  const order: WorkflowStatus[] = ['draft', 'submitted', 'ready', 'scheduled', 'published'];
  return order.indexOf(to) > order.indexOf(from) && order.includes(from);
}

interface ChecklistPanelProps {
  shown: NonNullable<Shown>;
  moveLabel: (to: WorkflowStatus) => string;
  busy: boolean;
  onOverride: (refused: Extract<Shown, { kind: 'refused' }>) => void;
  onClose: () => void;
}

function ChecklistPanel({ shown, moveLabel, busy, onOverride, onClose }: ChecklistPanelProps) {
  const { t, i18n } = useTranslation();
  const errors = shown.items.filter((item) => item.severity === 'error');
  const warnings = shown.items.filter((item) => item.severity === 'warning');
  const title =
    shown.kind === 'refused'
      ? t('workflow.refused', { move: moveLabel(shown.to) })
      : shown.items.length
        ? t('workflow.checkedProblems')
        : t('workflow.checkedClean');
  const list = (items: ChecklistItem[], heading: MessageKey, kind: 'error' | 'warning') =>
    items.length > 0 && (
      <div className={`checklist-group checklist-${kind}`}>
        <h4>{t(heading, { count: items.length })}</h4>
        <ul>
          {items.map((item) => (
            <li key={item.id} data-field={item.field}>
              {checklistText(t, item)}
              {item.field === 'destination' && (
                <>
                  {' '}
                  <button type="button" className="link-button" onClick={() => openSettings('publishing')}>
                    {t('workflow.openPublishingSettings')}
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      </div>
    );
  return (
    <div className={`checklist${errors.length ? ' has-errors' : ''}`} role={shown.kind === 'refused' ? 'alert' : 'status'} aria-label={t('workflow.checklist')}>
      <p className="checklist-title">{title}</p>
      {shown.kind === 'checked' && shown.words !== undefined && <p data-testid="checklist-words">{t('workflow.words', { count: shown.words, formatted: formatNumber(shown.words, i18n.language) })}</p>}
      {shown.kind === 'refused' && shown.message && <p className="checklist-message">{shown.message}</p>}
      {list(errors, 'workflow.errors', 'error')}
      {list(warnings, 'workflow.warnings', 'warning')}
      {shown.kind === 'refused' && errors.length > 0 && <p className="checklist-hint">{t('workflow.fixErrors')}</p>}
      <div className="checklist-actions">
        {shown.kind === 'refused' && errors.length === 0 && warnings.length > 0 && (
          <button type="button" className="workflow-move is-forward" disabled={busy} onClick={() => onOverride(shown)}>
            {t('workflow.override')}
          </button>
        )}
        <button type="button" className="quiet-button" onClick={onClose}>
          {t('workflow.close')}
        </button>
      </div>
    </div>
  );
}
