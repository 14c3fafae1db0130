import { useState } from 'react';
import { App, Button, Dropdown } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ExportFormat } from '@shared/grid';
import type { Locale } from '@shared/i18n/translate';
import { call, saveExport } from '../api/client';
import { errorText } from '../forms/zodRule';
import type { ServerGridHandle } from './ServerGrid';

type ExportChannel = 'customers.export' | 'audit.export';

/** Exports the grid exactly as shown (filters, sort, visible columns) through the backend. */
export function ExportButton({ grid, channel, columns }: { grid: React.RefObject<ServerGridHandle | null>; channel: ExportChannel; columns: readonly string[] }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  const run = async (format: ExportFormat) => {
    const handle = grid.current;
    if (!handle) return;
    const { columns: shown, ...view } = handle.view();
    setBusy(true);
    try {
      const file = await call(channel, {
        view,
        columns: shown.filter((c) => columns.includes(c)),
        format,
        locale: i18n.language as Locale,
      } as never);
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
        items: [
          { key: 'xlsx', label: t('common.exportXlsx') },
          { key: 'csv', label: t('common.exportCsv') },
        ],
        onClick: ({ key }) => void run(key as ExportFormat),
      }}
    >
      <Button icon={<DownloadOutlined />} loading={busy} data-testid="export">
        {t('common.export')}
      </Button>
    </Dropdown>
  );
}
