import { useState } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../forms/zodRule';

/** Characters Windows does not allow in a file name. */
const safeName = (name: string) =>
  [...name]
    .map((ch) => (ch.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(ch) ? '_' : ch))
    .join('')
    .trim() || 'sheet';

/**
 * Printing through the host: `print` sends the sheet to a printer (Electron: a hidden window's print dialog;
 * browser host: the browser's print dialog for a hidden frame); `pdf` renders it to PDF (Electron: printToPDF and
 * a save dialog; browser host: the host renders the route in Chromium and the PDF downloads).
 */
export function usePrintActions() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  const run = async (route: string, mode: 'print' | 'pdf', title: string) => {
    setBusy(true);
    const fileName = `${safeName(title)}.pdf`;
    try {
      const { done } = await window.neiqin.printSheet(route, mode, fileName);
      if (done && mode === 'pdf') void message.success(t('print.saved', { fileName }));
    } catch (err) {
      void message.error(t('print.failed', { reason: errorText(err, t) }));
    } finally {
      setBusy(false);
    }
  };

  return {
    busy,
    print: (route: string) => run(route, 'print', document.title),
    pdf: (route: string, title: string) => run(route, 'pdf', title),
  };
}
