/**
 * The catalogs live in `shared/` because both sides write Chinese: the renderer's screens (through i18next)
 * and the backend's exports and printed registers, which must read the same headers even when no window
 * asked for them (scheduled exports).
 */
export const LOCALES = ['zh-CN', 'en-US'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

export interface Catalog {
  [key: string]: string | Catalog;
}

export function lookup(catalog: Catalog, key: string): string | undefined {
  let node: string | Catalog | undefined = catalog;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** A minimal i18next-compatible `t` for the backend: `{{name}}` interpolation, key as fallback. */
export function translator(catalog: Catalog) {
  return (key: string, params?: Record<string, string | number>): string => {
    const text = lookup(catalog, key) ?? key;
    return params ? text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? '')) : text;
  };
}

/** Every leaf key of a catalog, for the test that keeps the two locales in step. */
export function leafKeys(catalog: Catalog, prefix = ''): string[] {
  return Object.entries(catalog).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : leafKeys(v, `${prefix}${k}.`)));
}
