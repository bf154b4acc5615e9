import { useCallback, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { zonedDateKey } from '../../shared/text/vietnameseDate';
import { DatePicker } from './DatePicker';
import { formatDateKey, parseDateText } from './dateText';
import './schedule.css';

interface DateFieldProps {
  /** The text box's accessible name, e.g. "Giờ đăng: ngày". */
  label: string;
  /** The popup's name, e.g. "Giờ đăng"; the label when not given. */
  pickerLabel?: string;
  /**
   * The day as `YYYY-MM-DD`, '' for none, or null while the text typed is not a date (the field keeps that text
   * and says what is wrong with it).
   */
  value: string | null;
  /** The newsroom's zone: where "today" is marked in the picker. */
  timeZone: string;
  /** A day as `YYYY-MM-DD`, '' once the text is emptied, or null for text that is not a date (yet). */
  onChange: (value: string | null) => void;
  onBlur?: () => void;
}

const textOf = (key: string | null) => (key ? formatDateKey(key) : '');

/**
 * A day typed as dd/mm/yyyy, whatever the browser's or the laptop's locale, or picked from a month grid that
 * opens on the newsroom's calendar. Replaces the native date input, which writes the day in the browser's order
 * (mm/dd/yyyy on an American one) and opens a calendar whose weeks start on Sunday.
 *
 * The problem with the text is said under it once the reporter leaves the field (or presses Enter): a date in
 * the wrong shape, or one no calendar has, such as 31/02.
 */
export function DateField({ label, pickerLabel, value, timeZone, onChange, onBlur }: DateFieldProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => textOf(value));
  const [checked, setChecked] = useState(false);
  const [open, setOpen] = useState(false);
  const field = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const popupId = useId();
  const errorId = useId();

  // A day set from outside (the picker, a clear button, a story loaded) replaces the text, unless the text
  // already says that day in another spelling ("2/3/2026" for 02/03/2026).
  const [shownValue, setShownValue] = useState(value);
  if (value !== shownValue) {
    setShownValue(value);
    const typed = parseDateText(text);
    const typedKey = typed && 'key' in typed ? typed.key : typed === null ? '' : null;
    if (value !== null && typedKey !== value) setText(textOf(value));
  }

  const parsed = parseDateText(text);
  const problem = checked && parsed && 'problem' in parsed ? parsed.problem : null;

  const type = (next: string) => {
    setText(next);
    setChecked(false);
    const read = parseDateText(next);
    onChange(read === null ? '' : 'key' in read ? read.key : null);
  };
  const check = () => {
    setChecked(true);
    if (parsed && 'key' in parsed) setText(formatDateKey(parsed.key));
  };
  const close = useCallback(() => setOpen(false), []);
  const pick = (key: string) => {
    setText(formatDateKey(key));
    setChecked(false);
    onChange(key);
    // The day is back in the text box, where typing or Tab goes on; the popup then goes.
    input.current?.focus();
    setOpen(false);
  };

  return (
    <div className="date-field" ref={field}>
      <div className="date-field-control">
        <input
          ref={input}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          className="date-field-input"
          aria-label={label}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? errorId : undefined}
          placeholder={t('datePicker.placeholder')}
          value={text}
          onChange={(event) => type(event.target.value)}
          onBlur={() => {
            check();
            onBlur?.();
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') check();
            else if (event.key === 'ArrowDown' && event.altKey) {
              event.preventDefault();
              setOpen(true);
            }
          }}
        />
        <button
          type="button"
          className="date-field-open"
          aria-label={t('datePicker.open', { label: pickerLabel ?? label })}
          title={t('datePicker.open', { label: pickerLabel ?? label })}
          aria-haspopup="dialog"
          aria-expanded={open}
          aria-controls={open ? popupId : undefined}
          onClick={() => setOpen(!open)}
        >
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            <path d="M4 1v2M12 1v2M1.5 5.5h13M2.5 2.5h11a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1h-11a1 1 0 0 1-1-1v-10a1 1 0 0 1 1-1z" fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinecap="round" />
          </svg>
        </button>
      </div>
      {open && (
        <DatePicker
          id={popupId}
          label={pickerLabel ?? label}
          value={parsed && 'key' in parsed ? parsed.key : ''}
          today={zonedDateKey(new Date(), timeZone)}
          anchor={field}
          onPick={pick}
          onClose={close}
        />
      )}
      {problem && (
        <p className="date-field-error" id={errorId} role="alert">
          {t(problem === 'impossible' ? 'datePicker.impossible' : 'datePicker.badFormat', { text: text.trim() })}
        </p>
      )}
    </div>
  );
}
