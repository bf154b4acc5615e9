import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import { languageSchema, type Language } from '../../shared/settings/settingsSchema';
import { api } from '../api/datelineApi';

/** Vietnamese by default, English one click away; the choice is kept in the library's settings. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const choose = async (language: Language) => {
    await i18next.changeLanguage(language);
    await api.settings.update({ language });
  };
  return (
    <label className="language-switch">
      <span className="visually-hidden">{t('settings.language')}</span>
      <select aria-label={t('settings.language')} value={i18n.language} onChange={(e) => void choose(languageSchema.parse(e.target.value))}>
        <option value="vi">{t('settings.vi')}</option>
        <option value="en">{t('settings.en')}</option>
      </select>
    </label>
  );
}
