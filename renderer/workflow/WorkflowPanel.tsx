import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DatelineError } from '../../shared/api/DatelineError';
import type { Story, WorkflowStatus } from '../../shared/story/storySchema';
import { formatNumber } from '../../shared/text/formatNumber';
import type { ChecklistItem as CheckedItem } from '../../shared/workflow/prePublishChecklist';
import { nextStatuses, workflowStatusOf } from '../../shared/workflow/storyTransitions';
import { api } from '../api/datelineApi';
import { DeliveryStatus } from '../outbox/DeliveryStatus';
import { StoryStatusBadge } from '../outbox/StatusBadge';
import { useSettings } from '../settings/useSettings';
import { ScheduleFacts } from './ScheduleFacts';
import { SchedulePicker } from './SchedulePicker';
import './workflow.css';

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

// Hẹn giờ needs a publish time: it has its own small form (SchedulePicker) rather than a bare button.
const movesWithoutButton: readonly WorkflowStatus[] = ['scheduled'];

/**
 * The story's place on the desk and the moves open from it. A refused move lists every problem at once,
 * errors apart from warnings; warnings alone can be overridden ("Vẫn chuyển").
 */
export function WorkflowPanel({ story, beforeMove, onMoved }: WorkflowPanelProps) {
  const { t } = useTranslation();
  const [shown, setShown] = useState<Shown>(null);
  const [busy, setBusy] = useState(false);
  const { settings } = useSettings();
  const from = workflowStatusOf(story);
  const moves = nextStatuses(from).filter((to) => !movesWithoutButton.includes(to));
  const moveLabel = (to: WorkflowStatus) => t([`workflow.move.${from}-${to}`, `workflow.move.${to}`]);

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
  const check = async () => {
    setBusy(true);
    try {
      await beforeMove();
      setShown({ kind: 'checked', ...(await api.stories.checklist({ id: story.id, to: 'published' })) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="workflow" aria-labelledby="workflow-title">
      <div className="workflow-head">
        <h3 id="workflow-title">{t('workflow.title')}</h3>
        <StoryStatusBadge storyId={story.id} status={from} timeZone={settings.timeZone} testId="workflow-status" />
      </div>
      <ScheduleFacts story={story} timeZone={settings.timeZone} />
      <DeliveryStatus story={story} timeZone={settings.timeZone} />
      <div className="workflow-moves" role="group" aria-label={t('workflow.moves')}>
        {moves.map((to) => (
          <button key={to} type="button" className={`workflow-move${isForward(from, to) ? ' is-forward' : ''}`} disabled={busy} onClick={() => void move(to)}>
            {moveLabel(to)}
          </button>
        ))}
        {from !== 'published' && from !== 'spiked' && (
          <button type="button" className="quiet-button" disabled={busy} onClick={() => void check()}>
            {t('workflow.check')}
          </button>
        )}
      </div>
      {nextStatuses(from).includes('scheduled') && <SchedulePicker key={settings.timeZone} timeZone={settings.timeZone} busy={busy} onSchedule={(publishAt) => void move('scheduled', false, publishAt)} />}
      {shown && <ChecklistPanel shown={shown} moveLabel={moveLabel} busy={busy} onOverride={(refused) => void move(refused.to, true, refused.publishAt)} onClose={() => setShown(null)} />}
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
  const list = (items: ChecklistItem[], heading: string, kind: 'error' | 'warning') =>
    items.length > 0 && (
      <div className={`checklist-group checklist-${kind}`}>
        <h4>{t(heading, { count: items.length })}</h4>
        <ul>
          {items.map((item) => (
            <li key={item.id} data-field={item.field}>
              {t(item.messageKey, item.params)}
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
