import { useState } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { errorText } from '../forms/zodRule';
import { deliveryReport, sendToTarget } from '../features/delivery/exportTargets';

/** Characters Windows does not allow in a file name. */
const safeName = (name: string) =>
  [...name]
    .map((ch) => (ch.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(ch) ? '_' : ch))
    .join('')
    .trim() || 'sheet';

export interface PdfFiling {
  targetId: number;
  /** The register the PDF files under on the target (客户卡) and its document number (KH0001). */
  register: string;
  docNo?: string;
}

/**
 * Printing through the host: `print` sends the sheet to a printer (Electron: a hidden window's print dialog;
 * browser host: the browser's print dialog for a hidden frame); `pdf` renders it to PDF (Electron: printToPDF and
 * a save dialog; browser host: the host renders the route in Chromium and the PDF downloads); `send` renders it
 * the same way, leaves it with the backend and sends it to an export target through the outbox
 * (delivery.files.send), reporting the delivery as the export menus do.
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

  const send = async (route: string, title: string, filing: PdfFiling) => {
    setBusy(true);
    const report = deliveryReport(message, t);
    try {
      await sendToTarget(
        async () => {
          const { fileId } = await window.neiqin.renderPdf(route, `${safeName(title)}.pdf`);
          const sent = await call('delivery.files.send', { fileId, ...filing });
          return { fileId, fileName: sent.fileName, rows: 0, delivery: { jobId: sent.jobId, targetId: sent.targetId, targetName: sent.targetName } };
        },
        { ...report, queued: (file) => void message.info(t('print.sending', { fileName: file.fileName, target: file.delivery!.targetName })) },
      );
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
    send,
  };
}
