import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseTimeText } from './dateText';
import './schedule.css';

interface TimeFieldProps {
  /** The text box's accessible name, e.g. "Giờ đăng: giờ". */
  label: string;
  /** `HH:mm`, '' for none, or null while the text typed is not a time. */
  value: string | null;
  /** `HH:mm`, '' once the text is emptied, or null for text that is not a time (yet). */
  onChange: (value: string | null) => void;
  onBlur?: () => void;
}

/**
 * An hour typed on a 24-hour clock, HH:mm, whatever the browser's locale (a native time input turns to AM/PM on
 * an English-language system). "6h30" and "0630" are read as 06:30; 24:00 is refused under the field.
 */
export function TimeField({ label, value, onChange, onBlur }: TimeFieldProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(value ?? '');
  const [checked, setChecked] = useState(false);
  const errorId = useId();

  const [shownValue, setShownValue] = useState(value);
  if (value !== shownValue) {
    setShownValue(value);
    const typed = parseTimeText(text);
    const typedTime = typed && 'time' in typed ? typed.time : typed === null ? '' : null;
    if (value !== null && typedTime !== value) setText(value);
  }

  const parsed = parseTimeText(text);
  const problem = checked && parsed && 'problem' in parsed ? parsed.problem : null;
  const check = () => {
    setChecked(true);
    if (parsed && 'time' in parsed) setText(parsed.time);
  };

  return (
    <div className="time-field">
      <input
        type="text"
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        className="time-field-input"
        aria-label={label}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? errorId : undefined}
        placeholder={t('datePicker.timePlaceholder')}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setChecked(false);
          const read = parseTimeText(event.target.value);
          onChange(read === null ? '' : 'time' in read ? read.time : null);
        }}
        onBlur={() => {
          check();
          onBlur?.();
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') check();
        }}
      />
      {problem && (
        <p className="date-field-error" id={errorId} role="alert">
          {t(problem === 'impossible' ? 'datePicker.impossibleTime' : 'datePicker.badTimeFormat', { text: text.trim() })}
        </p>
      )}
    </div>
  );
}
