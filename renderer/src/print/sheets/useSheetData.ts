import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../forms/zodRule';

/** Loads a sheet's data once; the sheet shows the error instead of printing half a page. */
export function useSheetData<T>(load: () => Promise<T>, deps: unknown[]): { data: T | null; error: string | null } {
  const { t } = useTranslation();
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    load().then(
      (value) => live && setData(value),
      (err: unknown) => live && setError(errorText(err, t)),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return { data, error };
}
