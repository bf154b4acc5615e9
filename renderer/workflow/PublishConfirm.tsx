import { useTranslation } from 'react-i18next';
import type { PublishingStatus } from '../../shared/publish/outboxSchema';
import type { ChecklistItem } from '../../shared/workflow/prePublishChecklist';
import { formatVietnameseDateTime } from '../../shared/text/vietnameseDate';
import { ConfirmDialog } from '../platform/ConfirmDialog';
import { openSettings } from '../settings/settingsDialogStore';
import { destinationsText } from './publishDestinations';
import { checklistText } from './checklistText';

export interface PublishRequest {
  to: 'published' | 'scheduled';
  publishAt?: string;
  /** The checklist's warnings for the move (no errors: those refuse it before this asks). */
  items: Omit<ChecklistItem, 'field'>[];
  targets: PublishingStatus['targets'];
}

interface PublishConfirmProps {
  request: PublishRequest;
  timeZone: string;
  opener: HTMLElement | null;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * The one question before a story goes out, as Ghost and Gutenberg ask it: where it goes and when ("Đăng lên
 * WordPress (baoquangninh.vn) ngay bây giờ?"). With nowhere set up it says so, and what the story will show
 * until it is sent; the checklist's warnings are listed, and confirming accepts them.
 */
export function PublishConfirm({ request, timeZone, opener, onConfirm, onCancel }: PublishConfirmProps) {
  const { t, i18n } = useTranslation();
  const where = destinationsText(request.targets, t);
  const time = request.publishAt ? formatVietnameseDateTime(request.publishAt, timeZone, i18n.language) : '';
  const scheduling = request.to === 'scheduled';
  const title = where
    ? t(scheduling ? 'workflow.confirm.scheduleTo' : 'workflow.confirm.publishTo', { where, time })
    : t(scheduling ? 'workflow.confirm.scheduleNowhere' : 'workflow.confirm.publishNowhere', { time });
  const warnings = request.items.filter((item) => item.id !== 'destination-missing');
  return (
    <ConfirmDialog
      title={title}
      confirmLabel={t(where ? (scheduling ? 'workflow.confirm.schedule' : 'workflow.confirm.publish') : scheduling ? 'workflow.confirm.scheduleAnyway' : 'workflow.confirm.publishAnyway')}
      opener={opener}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      {!where && (
        <div className="confirm-dialog-warning" data-testid="no-destination">
          <p>{t('checklist.destinationMissing')}</p>
          <p>{t(scheduling ? 'workflow.confirm.nowhereScheduled' : 'workflow.confirm.nowherePublished')}</p>
          <button
            type="button"
            className="link-button"
            onClick={() => {
              onCancel();
              openSettings('publishing');
            }}
          >
            {t('workflow.openPublishingSettings')}
          </button>
        </div>
      )}
      {warnings.length > 0 && (
        <>
          <p>{t('workflow.confirm.warnings')}</p>
          <ul>
            {warnings.map((item) => (
              <li key={item.id}>{checklistText(t, item)}</li>
            ))}
          </ul>
        </>
      )}
    </ConfirmDialog>
  );
}
