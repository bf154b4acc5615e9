import { useTranslation } from 'react-i18next';
import { originalAfterSourceEdit } from '../../shared/story/originalStory';
import type { StoryFields } from '../editor/StoryWorkspace';

interface SourceFieldsProps {
  source: string;
  original: boolean;
  onChange: (changes: Partial<Pick<StoryFields, 'source' | 'original'>>) => void;
  onBlur: () => void;
}

/**
 * The source line and the "own story" box, kept from contradicting each other: a source line says the story came
 * from elsewhere, so typing one unticks the box and the box stays unticked while the line is there. Deleting the
 * line does not make the story the reporter's own: only ticking the box does, and until then the checklist asks
 * for the source.
 */
export function SourceFields({ source, original, onChange, onBlur }: SourceFieldsProps) {
  const { t } = useTranslation();
  const hasSource = source.trim() !== '';
  const note = hasSource ? t('inspector.originalHasSource') : original ? null : t('inspector.originalNeedsSource');
  return (
    <>
      <label className="field">
        <span>{t('inspector.source')}</span>
        <input
          value={source}
          placeholder={t('inspector.sourcePlaceholder')}
          onChange={(e) => onChange({ source: e.target.value, original: originalAfterSourceEdit(source, e.target.value, original) })}
          onBlur={onBlur}
        />
      </label>
      <label className="field-check">
        <input
          type="checkbox"
          checked={original && !hasSource}
          disabled={hasSource}
          aria-describedby={note ? 'original-note' : undefined}
          onChange={(e) => onChange({ original: e.target.checked })}
          onBlur={onBlur}
        />
        <span>{t('inspector.original')}</span>
      </label>
      {note && (
        <p id="original-note" className="field-note">
          {note}
        </p>
      )}
    </>
  );
}
