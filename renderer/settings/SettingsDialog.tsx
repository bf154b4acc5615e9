import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { toneStyleSchema } from '../../shared/settings/settingsSchema';
import { useReturnFocus } from '../shortcuts/useReturnFocus';
import { PublishingSection } from './PublishingSection';
import type { SettingsSection } from './settingsDialogStore';
import { useSettings } from './useSettings';

/** Zones a Vietnamese newsroom's reporters most often file from; the current one is always offered. */
const commonZones = ['Asia/Ho_Chi_Minh', 'Asia/Bangkok', 'Asia/Singapore', 'Asia/Tokyo', 'Europe/Paris', 'Europe/London', 'America/New_York', 'America/Los_Angeles', 'Australia/Sydney', 'UTC'];

/** How long before a deadline the reporter is reminded; the saved value is always offered. */
const reminderMinutes = [0, 10, 15, 30, 60, 120];

/** The newsroom's conventions: tone-mark style, clock, reminders, publishing and backups. */
// The backups' part comes in from the app: backup reads the settings, so settings importing backup would make a cycle.
export function SettingsDialog({ section = null, onClose, backups }: { section?: SettingsSection; onClose: () => void; backups: ReactNode }) {
  const { t } = useTranslation();
  const { settings, update } = useSettings();
  const dialog = useRef<HTMLDialogElement>(null);
  useReturnFocus();
  useEffect(() => {
    const element = dialog.current;
    element?.showModal();
    // Opened at a section (from a checklist item naming it): that section is in view, its first field focused.
    if (section === 'publishing') {
      const heading = element?.querySelector<HTMLElement>('#publishing-title');
      heading?.scrollIntoView({ block: 'start' });
      heading?.parentElement?.querySelector<HTMLElement>('input, select, button')?.focus();
    }
    return () => element?.close();
  }, [section]);
  const zones = commonZones.includes(settings.timeZone) ? commonZones : [settings.timeZone, ...commonZones];
  const reminderChoices = reminderMinutes.includes(settings.deadlineReminderMinutes) ? reminderMinutes : [...reminderMinutes, settings.deadlineReminderMinutes].sort((a, b) => a - b);
  return (
    <dialog ref={dialog} className="settings-dialog" aria-label={t('settings.title')} onClose={onClose} onCancel={onClose}>
      <h2>{t('settings.title')}</h2>
      <label className="field">
        <span>{t('settings.toneStyle')}</span>
        <select value={settings.toneStyle} onChange={(e) => void update({ toneStyle: toneStyleSchema.parse(e.target.value) })}>
          <option value="new">{t('settings.toneNew')}</option>
          <option value="old">{t('settings.toneOld')}</option>
        </select>
      </label>
      <label className="field">
        <span>{t('settings.timeZone')}</span>
        <select value={settings.timeZone} onChange={(e) => void update({ timeZone: e.target.value })}>
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </select>
      </label>
      <label className="field field-check">
        <input type="checkbox" checked={settings.spellcheck} onChange={(e) => void update({ spellcheck: e.target.checked })} />
        <span>{t('settings.spellcheck')}</span>
      </label>
      <label className="field">
        <span>{t('settings.deadlineReminder')}</span>
        <select value={settings.deadlineReminderMinutes} onChange={(e) => void update({ deadlineReminderMinutes: Number(e.target.value) })}>
          {reminderChoices.map((minutes) => (
            <option key={minutes} value={minutes}>
              {minutes === 0 ? t('settings.reminderOff') : t('settings.reminderBefore', { count: minutes })}
            </option>
          ))}
        </select>
      </label>
      <PublishingSection />
      {backups}
      <button type="button" className="primary-button" onClick={onClose} autoFocus>
        {t('shortcuts.close')}
      </button>
    </dialog>
  );
}
