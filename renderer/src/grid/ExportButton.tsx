import { useState } from 'react';
import { App, Button, Dropdown } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ExportedFile } from '@shared/grid';
import type { ChannelInput, ChannelName, ChannelOutput } from '@shared/contract';
import type { Locale } from '@shared/i18n/translate';
import { call, saveExport } from '../api/client';
import { errorText } from '../forms/zodRule';
import type { ServerGridHandle } from './ServerGrid';
import { deliveryReport, exportChoiceOf, exportMenuItems, registerOfChannel, sendToTarget, useExportTargets, type ExportChoice } from '../features/delivery/exportTargets';

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
  const targets = useExportTargets();

  const run = async ({ format, targetId }: ExportChoice) => {
    const handle = grid.current;
    if (!handle) return;
    const { columns: shown, ...view } = handle.view();
    setBusy(true);
    try {
      const input = { view, columns: shown.filter((c) => columns.includes(c)), format, locale: i18n.language as Locale, ...(targetId ? { targetId } : {}) };
      if (targetId) {
        await sendToTarget(() => call(channel, input as never), deliveryReport(message, t));
        return;
      }
      const file = await call(channel, input as never);
      await saveExport(file.fileId, file.fileName);
      void message.success(t('common.exported', { rows: file.rows, fileName: file.fileName }));
    } catch (err) {
      void message.error(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dropdown
      menu={{
        items: exportMenuItems(t, targets, registerOfChannel(channel)),
        onClick: ({ key }) => void run(exportChoiceOf(key)),
      }}
    >
      <Button icon={<DownloadOutlined />} loading={busy} data-testid="export">
        {t('common.export')}
      </Button>
    </Dropdown>
  );
}
