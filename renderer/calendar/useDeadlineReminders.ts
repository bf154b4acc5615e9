import { useQuery, type QueryClient } from '@tanstack/react-query';
import { useEffect, useEffectEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatClockTime } from '../../shared/text/formatDateTime';
import { api, isDesktop } from '../api/datelineApi';
import { showToast } from '../platform/toastStore';
import { useSettings } from '../settings/useSettings';
import { dueReminders, type Reminder } from './dueReminders';
import { markShown, wasShown } from './shownReminders';
import { reminderKeys } from './queries';

/** How often the clock is checked against the deadlines. */
const checkEveryMs = 30_000;

/**
 * The reminders' own query, apart from ['stories'], so an autosave does not ask for the calendar again. What
 * changes a reminder (a deadline saved, a status move, a story trashed or restored) calls refreshReminders.
 */

/** Looks at the deadlines again at once, not at the next tick: after a save that moved one, say. */
export function refreshReminders(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: reminderKeys.all });
}

/**
 * Reminds the reporter, once each, of deadlines coming within the newsroom's `deadlineReminderMinutes` and of
 * scheduled stories about to go out. In the desktop app that is an OS notification when the system allows it;
 * otherwise (the browser, or notifications refused) a toast with a button that opens the story.
 */
export function useDeadlineReminders(onOpen: (storyId: string) => void): void {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const windowMs = settings.deadlineReminderMinutes * 60_000;
  const due = useQuery({
    queryKey: reminderKeys.within(windowMs),
    queryFn: async () => {
      const now = Date.now();
      const { items } = await api.stories.calendar({ from: new Date(now).toISOString(), to: new Date(now + windowMs + 1).toISOString() });
      return dueReminders(items, now, windowMs);
    },
    enabled: windowMs > 0,
    refetchInterval: checkEveryMs,
    refetchIntervalInBackground: true,
  });

  const remind = useEffectEvent((reminders: Reminder[]) => {
    const now = Date.now();
    for (const reminder of reminders) {
      if (wasShown(reminder.key)) continue;
      markShown(reminder.key, reminder.at, now);
      const params = {
        headline: reminder.headline.trim() || t('library.untitled'),
        time: formatClockTime(reminder.at, settings.timeZone).slice(0, 5),
        count: Math.max(1, Math.round((Date.parse(reminder.at) - now) / 60_000)),
      };
      const message = t(reminder.kind === 'deadline' ? 'reminders.deadline' : 'reminders.publishAt', params);
      if (isDesktop && typeof Notification !== 'undefined' && Notification.permission === 'granted') {
        const notification = new Notification(t(reminder.kind === 'deadline' ? 'reminders.deadlineTitle' : 'reminders.publishAtTitle'), { body: message, tag: reminder.key });
        notification.onclick = () => {
          window.focus();
          onOpen(reminder.storyId);
        };
      } else {
        showToast({ id: `reminder:${reminder.key}`, message, action: { label: t('reminders.open'), run: () => onOpen(reminder.storyId) } });
      }
    }
  });
  useEffect(() => {
    if (due.data) remind(due.data);
  }, [due.data]);
}
