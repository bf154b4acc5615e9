import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mediaIdsOf, type Story } from '../../shared/story/storySchema';
import { lengthTargets, storyTypes, type StoryType } from '../../shared/story/storyTypes';
import { formatShortDateTime } from '../../shared/text/formatDateTime';
import type { StoryFields } from '../editor/StoryWorkspace';
import { ZonedDateTimeField } from '../schedule/ZonedDateTimeField';
import { useSettings } from '../settings/useSettings';
import { WorkflowPanel } from '../workflow/WorkflowPanel';
import { CategoryListEditor } from './CategoryListEditor';
import { DatelineField } from './DatelineField';
import { FeaturedImageField } from './FeaturedImageField';
import { SourceFields } from './SourceFields';
import './inspector.css';

interface InspectorProps {
  story: Story;
  fields: StoryFields;
  onChange: (changes: Partial<StoryFields>) => void;
  onBlur: () => void;
  onApplyToneStyle: () => void;
  /** Saves the editor's words before a status move, so its checks see what is on screen. */
  onBeforeMove: () => Promise<void>;
  onMoved: (story: Story) => void;
}

/** The story's metadata, beside the text rather than in the way of it. */
export function Inspector({ story, fields, onChange, onBlur, onApplyToneStyle, onBeforeMove, onMoved }: InspectorProps) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const [editingCategories, setEditingCategories] = useState(false);
  // A story filed under a category since removed from the list keeps it, and shows it.
  const categories = fields.category && !settings.categories.includes(fields.category) ? [fields.category, ...settings.categories] : settings.categories;
  const text = (key: 'bylines' | 'tags', placeholderKey: string) => (
    <label className="field">
      <span>{t(`inspector.${key}`)}</span>
      <input value={fields[key]} placeholder={t(placeholderKey)} onChange={(e) => onChange({ [key]: e.target.value })} onBlur={onBlur} />
    </label>
  );
  return (
    <aside className="inspector-pane" aria-label={t('inspector.title')}>
      <h2 className="pane-title">{t('inspector.title')}</h2>
      <WorkflowPanel story={story} beforeMove={onBeforeMove} onMoved={onMoved} />
      <ZonedDateTimeField key={`deadline:${settings.timeZone}`} label={t('schedule.deadline')} clearLabel={t('schedule.clearDeadline')} value={fields.deadline} timeZone={settings.timeZone} onChange={(deadline) => onChange({ deadline })} onBlur={onBlur} />
      <ZonedDateTimeField key={`embargo:${settings.timeZone}`} label={t('schedule.embargo')} clearLabel={t('schedule.clearEmbargo')} value={fields.embargo} timeZone={settings.timeZone} onChange={(embargo) => onChange({ embargo })} onBlur={onBlur} />
      <div className="field">
        <span id="category-label">{t('inspector.category')}</span>
        <div className="field-row">
          <select aria-labelledby="category-label" value={fields.category} onChange={(e) => onChange({ category: e.target.value })} onBlur={onBlur}>
            <option value="">{t('inspector.noCategory')}</option>
            {categories.map((category) => (
              <option key={category} value={category}>
                {category}
              </option>
            ))}
          </select>
          <button type="button" className="quiet-button" onClick={() => setEditingCategories(true)}>
            {t('inspector.editCategories')}
          </button>
        </div>
      </div>
      {editingCategories && <CategoryListEditor onClose={() => setEditingCategories(false)} />}
      <label className="field">
        <span>{t('inspector.storyType')}</span>
        <select value={fields.storyType} onChange={(e) => onChange({ storyType: e.target.value as StoryType })} onBlur={onBlur}>
          {storyTypes.map((type) => (
            <option key={type} value={type}>
              {t('storyTypes.withTarget', { name: t(`storyTypes.${type}`), min: lengthTargets[type].min, max: lengthTargets[type].max })}
            </option>
          ))}
        </select>
      </label>
      <FeaturedImageField value={fields.featuredImage} onChange={(featuredImage) => onChange({ featuredImage })} onBlur={onBlur} />
      {text('tags', 'inspector.tagsPlaceholder')}
      {text('bylines', 'inspector.bylinesPlaceholder')}
      <DatelineField value={fields.dateline} mediaIds={mediaIdsOf(story)} onChange={(dateline) => onChange({ dateline })} onBlur={onBlur} />
      <SourceFields source={fields.source} original={fields.original} onChange={onChange} onBlur={onBlur} />
      <label className="field">
        <span>{t('inspector.ednote')}</span>
        <textarea rows={3} value={fields.ednote} placeholder={t('inspector.ednotePlaceholder')} onChange={(e) => onChange({ ednote: e.target.value })} onBlur={onBlur} />
      </label>
      <button type="button" className="quiet-button tone-button" onClick={onApplyToneStyle}>
        {t(settings.toneStyle === 'new' ? 'inspector.applyToneNew' : 'inspector.applyToneOld')}
      </button>
      <dl className="facts">
        <dt>{t('inspector.created')}</dt>
        <dd>{formatShortDateTime(story.createdAt, settings.timeZone)}</dd>
        <dt>{t('inspector.updated')}</dt>
        <dd>{formatShortDateTime(story.updatedAt, settings.timeZone)}</dd>
        <dt>{t('inspector.revision')}</dt>
        <dd>{story.revision}</dd>
      </dl>
    </aside>
  );
}
