import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../shared/settings/settingsSchema';
import { newsroomTimeZone } from '../../shared/text/formatDateTime';
import { formatVietnameseDateTime } from '../../shared/text/vietnameseDate';
import { en } from './en';
import { vi } from './vi';

export async function setUpI18n(language: Language): Promise<void> {
  await i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'vi',
    resources: { vi: { translation: vi }, en: { translation: en } },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  // `{{until, zoned}}`: an instant on the clock of the `timeZone` passed beside it, as the seed prints times.
  i18next.services.formatter?.add('zoned', (value: string, lng, options: { timeZone?: string }) => `${formatVietnameseDateTime(value, options.timeZone, lng)} (${options.timeZone ?? newsroomTimeZone})`);
  document.documentElement.lang = language;
  i18next.on('languageChanged', (lng) => (document.documentElement.lang = lng));
}
