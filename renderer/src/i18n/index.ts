import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { zh, en } from '@shared/i18n';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '@shared/i18n/translate';

const STORAGE_KEY = 'neiqin.locale';

export function savedLocale(): Locale {
  const saved = localStorage.getItem(STORAGE_KEY);
  return (LOCALES as readonly string[]).includes(saved ?? '') ? (saved as Locale) : DEFAULT_LOCALE;
}

export function rememberLocale(locale: Locale) {
  localStorage.setItem(STORAGE_KEY, locale);
}

/** The catalogs are shared with the backend (exports use the same headers); see shared/i18n. */
export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  lng: savedLocale(),
  fallbackLng: DEFAULT_LOCALE,
  resources: { 'zh-CN': { translation: zh }, 'en-US': { translation: en } },
  interpolation: { escapeValue: false },
  returnNull: false,
});
