import { useTranslation } from 'react-i18next';
import { useSettings } from '../settings/useSettings';

export interface ListFilters {
  category: string;
  author: string;
  sort: 'relevance' | 'updated' | 'headline';
}

export const noFilters: ListFilters = { category: '', author: '', sort: 'relevance' };

/** Narrow the story list by chuyên mục and author, and order it; they combine with the search words. */
export function StoryFilters({ value, onChange }: { value: ListFilters; onChange: (value: ListFilters) => void }) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  return (
    <div className="story-filters" role="group" aria-label={t('library.filters')}>
      <select aria-label={t('inspector.category')} value={value.category} onChange={(e) => onChange({ ...value, category: e.target.value })}>
        <option value="">{t('library.allCategories')}</option>
        {settings.categories.map((category) => (
          <option key={category} value={category}>
            {category}
          </option>
        ))}
      </select>
      <select aria-label={t('library.sort')} value={value.sort} onChange={(e) => onChange({ ...value, sort: e.target.value as ListFilters['sort'] })}>
        <option value="relevance">{t('library.sortRelevance')}</option>
        <option value="updated">{t('library.sortUpdated')}</option>
        <option value="headline">{t('library.sortHeadline')}</option>
      </select>
      <input type="search" aria-label={t('library.author')} placeholder={t('library.author')} value={value.author} onChange={(e) => onChange({ ...value, author: e.target.value })} />
    </div>
  );
}
