import { useTranslation } from 'react-i18next';
import { isUndelivered, needsAttention } from './outboxFacts';
import { openOutbox } from './outboxPanelStore';
import { useOutbox } from './useOutbox';
import './outbox.css';

/**
 * The bottom bar's "Hộp thư đi: 2", beside the online state: how many deliveries are not done, in the warning
 * colour and with the number of failures said in words when any went wrong. Opens the outbox.
 */
export function OutboxStatus() {
  const { t } = useTranslation();
  const items = useOutbox().data?.items ?? [];
  const waiting = items.filter(isUndelivered).length;
  // A held delivery waits for the reporter's edit, not for a fault: it is counted apart, in its own words.
  const held = items.filter((item) => item.state === 'held').length;
  const failing = items.filter(needsAttention).length - held;
  return (
    <button type="button" className={`status-outbox${failing || held ? ' is-warning' : ''}`} data-testid="outbox-count" onClick={openOutbox}>
      {t('outbox.count', { count: waiting })}
      {failing > 0 && <span className="status-outbox-failing">{t('outbox.countFailing', { count: failing })}</span>}
      {held > 0 && <span className="status-outbox-failing">{t('outbox.countHeld', { count: held })}</span>}
    </button>
  );
}

/** The top bar's way into the outbox. */
export function OutboxButton() {
  const { t } = useTranslation();
  return (
    <button type="button" className="quiet-button" onClick={openOutbox}>
      {t('outbox.title')}
    </button>
  );
}
