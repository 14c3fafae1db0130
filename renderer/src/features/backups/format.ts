/** Sizes as a clerk reads them: KB below a megabyte, MB with one decimal, GB with two. */
export function formatSize(bytes: number, locale: string): string {
  const f = (n: number, digits: number) =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(n);
  if (bytes < 2 ** 20) return `${f(bytes / 1024, 0)} KB`;
  if (bytes < 2 ** 30) return `${f(bytes / 2 ** 20, 1)} MB`;
  return `${f(bytes / 2 ** 30, 2)} GB`;
}

/** Milliseconds as seconds with one decimal. */
export function formatSeconds(ms: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(
    ms / 1000,
  );
}
