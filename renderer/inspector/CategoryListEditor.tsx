import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSettings } from '../settings/useSettings';

/** The newsroom's list of chuyên mục, edited as one category per line. */
export function CategoryListEditor({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { settings, update } = useSettings();
  const [draft, setDraft] = useState(settings.categories.join('\n'));
  const save = async () => {
    const categories = [...new Set(draft.split('\n').map((line) => line.trim()).filter(Boolean))];
    await update({ categories });
    onClose();
  };
  return (
    <div className="category-editor" role="group" aria-label={t('inspector.editCategories')}>
      <label className="field">
        <span>{t('inspector.categoriesHelp')}</span>
        <textarea rows={8} value={draft} onChange={(e) => setDraft(e.target.value)} aria-label={t('inspector.categoryList')} />
      </label>
      <div className="field-row">
        <button type="button" className="primary-button" onClick={() => void save()}>
          {t('inspector.saveCategories')}
        </button>
        <button type="button" className="quiet-button" onClick={onClose}>
          {t('toolbar.linkCancel')}
        </button>
      </div>
    </div>
  );
}
