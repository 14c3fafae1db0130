import zh from './zh-CN';
import en from './en-US';
import type { Catalog, Locale } from './translate';

/** Both catalogs, keyed by locale. */
export const catalogs: Record<Locale, Catalog> = {
  'zh-CN': zh as unknown as Catalog,
  'en-US': en as unknown as Catalog,
};
export { zh, en };
