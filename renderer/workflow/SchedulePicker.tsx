import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays } from '../../shared/schedule/civilDate';
import { wallClockToInstant } from '../../shared/schedule/wallClockToInstant';
import type { ZonedInstant } from '../../shared/schedule/zonedInstantSchema';
import { zonedDateKey } from '../../shared/text/vietnameseDate';
import { ZonedDateTimeField } from '../schedule/ZonedDateTimeField';

/** 06:00 tomorrow on the newsroom's clock: when the morning edition goes up, the time most stories are set for. */
function defaultPublishAt(timeZone: string, now: Date = new Date()): ZonedInstant {
  return { at: wallClockToInstant(addDays(zonedDateKey(now, timeZone), 1), '06:00', timeZone), timeZone };
}

interface SchedulePickerProps {
  timeZone: string;
  busy: boolean;
  /** Asks for the move to 'scheduled' at this instant (UTC ISO); `button` is the one pressed, for the focus to return to. */
  onSchedule: (publishAt: string, button: HTMLElement) => void;
}

/** "Hẹn giờ": when a ready story goes to readers, picked on the newsroom's clock. */
export function SchedulePicker({ timeZone, busy, onSchedule }: SchedulePickerProps) {
  const { t } = useTranslation();
  const [publishAt, setPublishAt] = useState<ZonedInstant | null>(() => defaultPublishAt(timeZone));
  return (
    <form
      className="schedule-picker"
      aria-label={t('schedule.title')}
      onSubmit={(event) => {
        event.preventDefault();
        const button = event.currentTarget.querySelector<HTMLElement>('button[type="submit"]')!;
        if (publishAt) onSchedule(publishAt.at, button);
      }}
    >
      <ZonedDateTimeField label={t('schedule.publishAt')} value={publishAt} timeZone={timeZone} onChange={setPublishAt} onUnfinished={() => setPublishAt(null)} />
      <button type="submit" className="workflow-move is-forward" disabled={busy || !publishAt}>
        {t('workflow.move.scheduled')}
      </button>
    </form>
  );
}
