import { useLayoutEffect, useRef, type KeyboardEvent, type RefObject } from 'react';
import { DayPicker, type Modifiers } from 'react-day-picker';
import { useTranslation } from 'react-i18next';
import { monthOfDate, weekdayOfDate } from '../../shared/schedule/civilDate';
import { useReturnFocus } from '../shortcuts/useReturnFocus';
import { dayLabel } from './dayLabel';

interface DatePickerProps {
  id: string;
  /** The field's name, e.g. "Giờ đăng": the popup is named after it. */
  label: string;
  /** The picked day as `YYYY-MM-DD`, or '' for none: the month shown first, with the day marked. */
  value: string;
  /** Today on the newsroom's calendar: marked, and where the month opens when no day is picked. */
  today: string;
  /** What the popup sits under. */
  anchor: RefObject<HTMLElement | null>;
  onPick: (key: string) => void;
  /** Closed without a pick: Escape, a click outside, or Tab out of it. */
  onClose: () => void;
}

const gapPx = 4;
const edgePx = 8;

// The grid works on UTC dates (the picker runs in UTC), so a day key maps to one Date and back whatever the
// laptop's zone and its daylight-saving changes.
function dateOf(key: string): Date {
  const [year, month, day] = key.split('-').map(Number) as [number, number, number];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date;
}
function keyOf(date: Date): string {
  return `${String(date.getUTCFullYear()).padStart(4, '0')}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`;
}

/**
 * The month grid a date field opens: weeks from Thứ 2 to Chủ nhật as a Vietnamese calendar runs, day and month
 * names from the UI's language. The arrows move by day and week, Page Up/Down by month, Home/End to the week's
 * ends (react-day-picker's grid keys); Enter picks, Escape closes and gives the focus back.
 *
 * It sits in the top layer (a manual popover), so the scrolling inspector cannot clip it, and it stays in the
 * page just after its field, so Tab leaves it for the next field.
 */
export function DatePicker({ id, label, value, today, anchor, onPick, onClose }: DatePickerProps) {
  const { t, i18n } = useTranslation();
  const popup = useRef<HTMLDivElement>(null);
  useReturnFocus();

  useLayoutEffect(() => {
    const element = popup.current;
    if (!element) return;
    element.showPopover();
    const place = () => {
      const field = anchor.current?.getBoundingClientRect();
      if (!field) return;
      const { width, height } = element.getBoundingClientRect();
      const clamp = (value: number, size: number, room: number) => Math.max(edgePx, Math.min(value, room - size - edgePx));
      let left = clamp(field.left, width, window.innerWidth);
      let top: number;
      if (field.bottom + gapPx + height <= window.innerHeight - edgePx) top = field.bottom + gapPx;
      else if (field.top - gapPx - height >= edgePx) top = field.top - gapPx - height;
      else {
        // Room neither under nor over the field (a short screen): beside it, on the side with more room, so
        // the text box stays in view.
        top = clamp(field.top, height, window.innerHeight);
        left = field.left - gapPx - width >= edgePx ? field.left - gapPx - width : clamp(field.right + gapPx, width, window.innerWidth);
      }
      element.style.left = `${left}px`;
      element.style.top = `${top}px`;
    };
    place();
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!element.contains(target) && !anchor.current?.contains(target)) onClose();
    };
    window.addEventListener('scroll', place, true);
    window.addEventListener('resize', place);
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => {
      window.removeEventListener('scroll', place, true);
      window.removeEventListener('resize', place);
      document.removeEventListener('pointerdown', onPointerDown, true);
      if (element.matches(':popover-open')) element.hidePopover();
    };
  }, [anchor, onClose]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // The grid's keys are its own: the arrows must not also turn the calendar panel's page, nor Escape leave
    // focus mode or close a dialog the field sits in.
    event.stopPropagation();
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onClose();
  };

  const weekday = weekdayOfDate;
  const selected = value ? dateOf(value) : undefined;
  return (
    <div
      id={id}
      ref={popup}
      popover="manual"
      role="dialog"
      aria-label={t('datePicker.title', { label })}
      className="date-picker"
      onKeyDown={onKeyDown}
      onBlur={(event) => {
        // Tab out of the popup closes it; focus lost to nothing (a day button redrawn for the next month) does not.
        const next = event.relatedTarget as Node | null;
        if (next && !event.currentTarget.contains(next) && !anchor.current?.contains(next)) onClose();
      }}
    >
      <DayPicker
        mode="single"
        required
        timeZone="UTC"
        weekStartsOn={1}
        showOutsideDays
        fixedWeeks
        autoFocus
        lang={i18n.language}
        selected={selected}
        defaultMonth={selected ?? dateOf(today)}
        today={dateOf(today)}
        onSelect={(date: Date) => onPick(keyOf(date))}
        formatters={{
          formatCaption: (month: Date) => t('datePicker.caption', { month: t(`datePicker.month.${monthOfDate(month)}`), year: month.getUTCFullYear() }),
          formatWeekdayName: (date: Date) => t(`calendar.weekdayColumn.${weekday(date)}`),
        }}
        labels={{
          labelDayButton: (date: Date, modifiers: Modifiers) => dayLabel(t, keyOf(date), true) + (modifiers.today ? t('datePicker.todaySuffix') : ''),
          labelWeekday: (date: Date) => t(`calendar.weekdayFull.${weekday(date)}`),
          labelGrid: (month: Date) => t('datePicker.caption', { month: t(`datePicker.month.${monthOfDate(month)}`), year: month.getUTCFullYear() }),
          labelNav: () => t('datePicker.nav'),
          labelPrevious: () => t('datePicker.previousMonth'),
          labelNext: () => t('datePicker.nextMonth'),
        }}
      />
      <p className="date-picker-keys">{t('datePicker.keys')}</p>
    </div>
  );
}
