import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Dropdown, Tabs, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { AgGridReact } from 'ag-grid-react';
import type { ColDef } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import type { Locale } from '@shared/i18n/translate';
import { RESOURCE_DIMENSIONS, type ResourceStats, type ResourceStatsRow } from '@shared/schemas/resourceStats';
import { call, onEvent, saveExport } from '../../api/client';
import { errorText } from '../../forms/zodRule';
import { gridLocaleText, gridTheme } from '../../grid/agGrid';
import { deliveryReport, exportChoiceOf, exportMenuItems, sendToTarget, useExportTargets, type ExportChoice } from '../delivery/exportTargets';

/**
 * 客户资源统计表: active customers by class per manager, region, format and market type. The groups are few
 * (dozens), so each table holds its rows in the page; the figures come from the backend with the A-class rule.
 */
export function ResourceStatsPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [stats, setStats] = useState<ResourceStats | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const targets = useExportTargets();

  useEffect(() => {
    const load = () =>
      call('customers.resourceStats', {})
        .then(setStats)
        .catch((err: unknown) => setError(errorText(err, t)));
    void load();
    return onEvent('data.changed', () => void load());
  }, [t]);

  const columns = useMemo<ColDef<ResourceStatsRow>[]>(
    () => [
      { field: 'label', headerName: t('resourceStats.group'), flex: 2, valueGetter: (p) => p.data?.label ?? t('resourceStats.notSet') },
      { field: 'a', headerName: t('enums.abcClass.A'), width: 120, type: 'numericColumn' },
      { field: 'b', headerName: t('enums.abcClass.B'), width: 120, type: 'numericColumn' },
      { field: 'c', headerName: t('enums.abcClass.C'), width: 120, type: 'numericColumn' },
      { field: 'total', headerName: t('resourceStats.total'), width: 120, type: 'numericColumn', sort: 'desc' },
      { field: 'keyCustomers', headerName: t('customers.fields.isKey'), width: 130, type: 'numericColumn' },
    ],
    [t],
  );

  // The export menu every register has (features/delivery/exportTargets): save as …, or 发送到导出目标.
  const exportAs = async ({ format, targetId }: ExportChoice) => {
    setBusy(true);
    try {
      const input = { format, locale: i18n.language as Locale };
      if (targetId) {
        await sendToTarget(() => call('customers.resourceStatsExport', { ...input, targetId }), deliveryReport(message, t));
        return;
      }
      const file = await call('customers.resourceStatsExport', input);
      await saveExport(file.fileId, file.fileName);
      void message.success(t('common.exported', { rows: file.rows, fileName: file.fileName }));
    } catch (err) {
      void message.error(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  const total = stats?.total;
  return (
    <div className="page" data-testid="resource-stats">
      <div className="page-header">
        <Typography.Title level={4} className="page-title">
          {t('resourceStats.title')}
        </Typography.Title>
        <Dropdown
          menu={{
            items: exportMenuItems(t, targets, 'resourceStats'),
            onClick: ({ key }) => void exportAs(exportChoiceOf(key)),
          }}
        >
          <Button icon={<DownloadOutlined />} loading={busy} data-testid="export">
            {t('common.export')}
          </Button>
        </Dropdown>
      </div>
      {error && <Alert type="error" showIcon message={error} />}
      <Typography.Text type="secondary">
        {t('resourceStats.intro')}
        {total && ` · ${t('resourceStats.grandTotal')} ${total.total}（A ${total.a} / B ${total.b} / C ${total.c}）`}
      </Typography.Text>
      <Card size="small">
        <Tabs
          items={RESOURCE_DIMENSIONS.map((dimension) => ({
            key: dimension,
            label: t(`resourceStats.dimensions.${dimension}`),
            children: (
              <div style={{ height: 460 }} data-testid={`stats-${dimension}`}>
                <AgGridReact<ResourceStatsRow>
                  theme={gridTheme}
                  localeText={gridLocaleText(i18n.language)}
                  rowData={stats?.rows.filter((r) => r.dimension === dimension) ?? []}
                  columnDefs={columns}
                  loading={!stats}
                  getRowId={(p) => `${p.data.dimension}:${p.data.key ?? ''}`}
                  pinnedBottomRowData={total ? [{ dimension, key: null, label: t('resourceStats.grandTotal'), ...total }] : []}
                />
              </div>
            ),
          }))}
        />
      </Card>
    </div>
  );
}
