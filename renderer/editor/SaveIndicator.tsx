import { useTranslation } from 'react-i18next';
import type { DatelineError, ErrorCode } from '../../shared/api/DatelineError';
import { formatClockTime } from '../../shared/text/formatDateTime';
import { isTokenRejected } from '../api/httpBridge';
import { storageFailureOf } from '../platform/storageFailure';
import { useSettings } from '../settings/useSettings';
import type { SaveState } from './AutosaveController';
import './saveIndicator.css';
import type { MessageKey } from '../i18n/messageKey';

interface SaveIndicatorProps {
  state: SaveState;
  onRetry: () => void;
  onKeepMine: () => void;
}

const failureMessageKey: Partial<Record<ErrorCode, MessageKey>> = {
  conflict: 'save.conflict',
  unavailable: 'save.unavailable',
};

function failureKey(error: DatelineError): MessageKey {
  if (error.code === 'storage_failed') return `save.storage.${storageFailureOf(error)}`;
  // Another program changed the file: its version was kept as a story of its own before this one was refused.
  if (error.code === 'conflict' && (error.details as { conflictCopyId?: string } | undefined)?.conflictCopyId) return 'save.conflictOutside';
  return failureMessageKey[error.code] ?? 'save.failed';
}

/** Whether the words are safe, always in view: saved (with the time), saving, or failed with a way out. */
export function SaveIndicator({ state, onRetry, onKeepMine }: SaveIndicatorProps) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  if (state.kind === 'failed' && isTokenRejected(state.error)) {
    // No retry can help: the web host was restarted with a new token. The whole remedy is spelt out above the
    // status bar, where a long message is not cut, and stays until the tab is closed.
    const address = `${window.location.origin}/?token=…`;
    return (
      <div className="save-state save-failed" data-state="failed" data-reason="session-expired">
        <span>{t('save.sessionExpiredShort')}</span>
        <div className="save-session-expired" role="alert">
          {t('save.sessionExpired', { address })}
        </div>
      </div>
    );
  }
  if (state.kind === 'failed') {
    return (
      <div className="save-state save-failed" role="alert" data-state="failed">
        <span>{t(failureKey(state.error))}</span>
        {state.error.code === 'conflict' ? (
          <button type="button" onClick={onKeepMine}>{t('save.keepMine')}</button>
        ) : (
          <button type="button" onClick={onRetry}>{t('save.retry')}</button>
        )}
      </div>
    );
  }
  const text =
    state.kind === 'saved' ? t('save.saved', { time: formatClockTime(state.at, settings.timeZone) }) : state.kind === 'saving' ? t('save.saving') : t('save.unsaved');
  return (
    <div className={`save-state save-${state.kind}`} role="status" aria-live="polite" data-state={state.kind}>
      <span className="save-dot" aria-hidden="true" />
      {text}
    </div>
  );
}
