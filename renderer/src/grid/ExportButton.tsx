import { useRef, useState } from 'react';
import { App, Button, Dropdown } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ExportedFile } from '@shared/grid';
import type { ChannelInput, ChannelName, ChannelOutput } from '@shared/contract';
import type { Locale } from '@shared/i18n/translate';
import { call, CallError, saveExport } from '../api/client';
import { errorText } from '../forms/zodRule';
import type { ServerGridHandle } from './ServerGrid';
import { ExportProgress } from './ExportProgress';
import { newJobId } from '../features/imports/upload';
import { deliveryReport, exportChoiceOf, exportMenuItems, registerOfChannel, sendToTarget, useExportTargets, type ExportChoice } from '../features/delivery/exportTargets';

/** An export still running after this long shows its progress and 取消; quicker ones never flash a dialog. */
const PROGRESS_AFTER_MS = 700;

/** Every channel that exports a grid view (view + columns → a file): derived from the contract. */
type ExportChannel = {
  [C in ChannelName]: ChannelOutput<C> extends ExportedFile ? (ChannelInput<C> extends { view?: unknown; columns: readonly string[] } ? C : never) : never;
}[ChannelName];

/**
 * Exports the grid exactly as shown (filters, sort, visible columns) through the backend: to the user (save
 * dialog or download), or to an export target through the outbox (导出目标; the backend builds the path).
 */
export function ExportButton({ grid, channel, columns }: { grid: React.RefObject<ServerGridHandle | null>; channel: ExportChannel; columns: readonly string[] }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  /** The running export's job id once it has taken more than a moment (its progress dialog is open). */
  const [shownJob, setShownJob] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const running = useRef<string | null>(null);
  const targets = useExportTargets();
  const register = registerOfChannel(channel);
  const registerName = register && i18n.exists(`registers.${register}`) ? t(`registers.${register}`) : t('common.export');

  const cancel = async () => {
    if (!running.current) return;
    setCancelling(true);
    await call('exports.cancel', { jobId: running.current }).catch(() => undefined);
  };

  const run = async ({ format, targetId }: ExportChoice) => {
    const handle = grid.current;
    if (!handle) return;
    const { columns: shown, ...view } = handle.view();
    // The export's job id: its progress events carry it, and 取消 names it.
    const jobId = newJobId();
    running.current = jobId;
    setBusy(true);
    const showProgress = setTimeout(() => running.current === jobId && setShownJob(jobId), PROGRESS_AFTER_MS);
    try {
      const input = { view, columns: shown.filter((c) => columns.includes(c)), format, locale: i18n.language as Locale, jobId, ...(targetId ? { targetId } : {}) };
      if (targetId) {
        await sendToTarget(() => call(channel, input as never), deliveryReport(message, t));
        return;
      }
      const file = await call(channel, input as never);
      await saveExport(file.fileId, file.fileName);
      void message.success(t('common.exported', { rows: file.rows, fileName: file.fileName }));
    } catch (err) {
      if (err instanceof CallError && err.message === 'exports.errors.cancelled') void message.info(t('exports.cancelledInfo'));
      else void message.error(errorText(err, t));
    } finally {
      clearTimeout(showProgress);
      running.current = null;
      setShownJob(null);
      setCancelling(false);
      setBusy(false);
    }
  };

  return (
    <>
      <ExportProgress jobId={shownJob} register={registerName} cancelling={cancelling} onCancel={() => void cancel()} />
      <Dropdown
        menu={{
          items: exportMenuItems(t, targets, register),
          onClick: ({ key }) => void run(exportChoiceOf(key)),
        }}
      >
        <Button icon={<DownloadOutlined />} loading={busy} data-testid="export">
          {t('common.export')}
        </Button>
      </Dropdown>
    </>
  );
}
