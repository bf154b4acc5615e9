import { useTranslation } from 'react-i18next';
import type { Story } from '../../shared/story/storySchema';
import { formatShortDateTime } from '../../shared/text/formatDateTime';
import type { StoryFields } from '../editor/StoryWorkspace';

interface InspectorProps {
  story: Story;
  fields: StoryFields;
  onChange: (changes: Partial<StoryFields>) => void;
  onBlur: () => void;
}

/** The story's metadata, beside the text rather than in the way of it. */
export function Inspector({ story, fields, onChange, onBlur }: InspectorProps) {
  const { t } = useTranslation();
  return (
    <aside className="inspector-pane" aria-label={t('inspector.title')}>
      <h2 className="pane-title">{t('inspector.title')}</h2>
      <label className="field">
        <span>{t('inspector.category')}</span>
        <input value={fields.category} placeholder={t('inspector.categoryPlaceholder')} onChange={(e) => onChange({ category: e.target.value })} onBlur={onBlur} />
      </label>
      <label className="field">
        <span>{t('inspector.tags')}</span>
        <input value={fields.tags} placeholder={t('inspector.tagsPlaceholder')} onChange={(e) => onChange({ tags: e.target.value })} onBlur={onBlur} />
      </label>
      <label className="field">
        <span>{t('inspector.byline')}</span>
        <input value={fields.byline} placeholder={t('inspector.bylinePlaceholder')} onChange={(e) => onChange({ byline: e.target.value })} onBlur={onBlur} />
      </label>
      <dl className="facts">
        <dt>{t('inspector.status')}</dt>
        <dd><span className={`badge badge-${story.trashedAt ? 'trashed' : story.status}`}>{t(story.trashedAt ? 'status.trashed' : `status.${story.status}`)}</span></dd>
        <dt>{t('inspector.created')}</dt>
        <dd>{formatShortDateTime(story.createdAt)}</dd>
        <dt>{t('inspector.updated')}</dt>
        <dd>{formatShortDateTime(story.updatedAt)}</dd>
        <dt>{t('inspector.revision')}</dt>
        <dd>{story.revision}</dd>
      </dl>
    </aside>
  );
}
