import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Space, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { AgGridReact } from 'ag-grid-react';
import type { ColDef } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import type { FileIndexRow } from '@shared/schemas/archiveDoc';
import { call, onEvent } from '../../api/client';
import { errorText } from '../../forms/zodRule';
import { gridLocaleText, gridTheme } from '../../grid/agGrid';
import { PrintButton } from '../../print/PrintButton';
import { RemoveDocModal } from './RemoveDocModal';
import { ArchiveDocModal } from './ArchiveDocModal';

const DEFAULT_COL_DEF: ColDef = { sortable: false, resizable: true };

/**
 * 档案文件 tab: the paper documents of the customer's physical file, shown in the order of the printed file index
 * (卷内文件目录) with their page ranges. A file holds tens of documents, so the grid holds them all.
 */
export function ArchiveDocsPanel({ customer, editable }: { customer: { id: number; code: string; name: string }; editable: boolean }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [rows, setRows] = useState<FileIndexRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<FileIndexRow | 'new' | null>(null);
  const [removing, setRemoving] = useState<FileIndexRow | null>(null);

  const load = useCallback(() => {
    call('archiveDocs.list', { customerId: customer.id })
      .then((r) => {
        setRows(r);
        setError(null);
      })
      .catch((err: unknown) => setError(errorText(err, t)));
  }, [customer.id, t]);
  useEffect(() => {
    load();
    return onEvent('data.changed', (e) => e.entity === 'archiveDoc' && load());
  }, [load]);

  const items = useMemo(() => [...new Set((rows ?? []).map((r) => r.sequence))], [rows]);
  const move = useCallback(
    async (sequence: number, by: -1 | 1) => {
      const order = [...items];
      const at = order.indexOf(sequence);
      const to = at + by;
      if (at < 0 || to < 0 || to >= order.length) return;
      [order[at], order[to]] = [order[to]!, order[at]!];
      try {
        await call('archiveDocs.reorder', { customerId: customer.id, order });
        load();
      } catch (err) {
        void message.error(errorText(err, t));
      }
    },
    [customer.id, items, load, message, t],
  );

  const columns = useMemo<ColDef<FileIndexRow>[]>(() => {
    const f = (k: string) => t(`archiveDocs.fields.${k}`);
    return [
      { field: 'sequence', headerName: f('sequence'), width: 64 },
      { field: 'lineNo', headerName: f('lineNo'), width: 60 },
      { field: 'role', headerName: f('role'), width: 104, valueFormatter: (p) => (p.value ? t(`archiveDocs.roles.${String(p.value)}`) : '') },
      { field: 'kind', headerName: f('kind'), width: 100 },
      { field: 'title', headerName: f('title'), flex: 1, minWidth: 180, tooltipField: 'title' },
      { field: 'docNo', headerName: f('docNo'), width: 130 },
      { field: 'author', headerName: f('author'), width: 130, hide: true },
      { field: 'docDate', headerName: f('docDate'), width: 104 },
      { field: 'copies', headerName: f('copies'), width: 64, type: 'rightAligned' },
      { field: 'pages', headerName: f('pages'), width: 64, type: 'rightAligned' },
      {
        colId: 'pageRange',
        headerName: f('pageRange'),
        width: 84,
        // A one-page document by its page alone, as the printed index shows it.
        valueGetter: (p) =>
          !p.data ? '' : p.data.startPage === p.data.endPage ? String(p.data.startPage) : t('archiveDocs.pageRange', { start: p.data.startPage, end: p.data.endPage }),
      },
      { field: 'notes', headerName: f('notes'), width: 110 },
      ...(editable
        ? [
            {
              colId: 'actions',
              headerName: t('common.actions'),
              width: 128,
              pinned: 'right',
              sortable: false,
              cellRenderer: (p: { data?: FileIndexRow }) => {
                const row = p.data!;
                const first = items[0] === row.sequence;
                const last = items.at(-1) === row.sequence;
                return (
                  <Space size={0}>
                    <Button type="link" size="small" icon={<ArrowUpOutlined />} disabled={first} onClick={() => void move(row.sequence, -1)} aria-label={t('archiveDocs.moveUp')} title={t('archiveDocs.moveUp')} />
                    <Button type="link" size="small" icon={<ArrowDownOutlined />} disabled={last} onClick={() => void move(row.sequence, 1)} aria-label={t('archiveDocs.moveDown')} title={t('archiveDocs.moveDown')} />
                    <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(row)} aria-label={t('common.edit')} />
                    <Button type="link" size="small" danger icon={<DeleteOutlined />} onClick={() => setRemoving(row)} aria-label={t('archiveDocs.remove')} />
                  </Space>
                );
              },
            } satisfies ColDef<FileIndexRow>,
          ]
        : []),
    ];
  }, [t, editable, items, move]);

  const totalPages = rows?.at(-1)?.endPage ?? 0;
  return (
    <div data-testid="archive-docs">
      <div className="toolbar" style={{ marginBottom: 8 }}>
        {editable && (
          <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="add-archive-doc">
            {t('archiveDocs.add')}
          </Button>
        )}
        <Typography.Text type="secondary" data-testid="archive-docs-summary">
          {t('archiveDocs.summary', { items: items.length, docs: rows?.length ?? 0, pages: totalPages })}
        </Typography.Text>
        <span className="toolbar-spacer" />
        <PrintButton sheet="file-index" id={customer.id} title={`${t('archiveDocs.indexTitle')}-${customer.code}-${customer.name}`} label={t('archiveDocs.print')} />
      </div>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('archiveDocs.help.rules')}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} />}
      {/* A fixed height, like the other tabs' grids: a thick file scrolls inside, the page does not jump. */}
      <div style={{ height: 420 }}>
        <AgGridReact<FileIndexRow>
          theme={gridTheme}
          localeText={gridLocaleText(i18n.language)}
          rowData={rows ?? []}
          columnDefs={columns}
          getRowId={(p) => String(p.data.id)}
          overlayNoRowsTemplate={`<span>${t('archiveDocs.none')}</span>`}
          defaultColDef={DEFAULT_COL_DEF}
        />
      </div>
      {editing && (
        <ArchiveDocModal
          customerId={customer.id}
          doc={editing === 'new' ? undefined : editing}
          rows={rows ?? []}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void message.success(t('common.saved'));
            load();
          }}
        />
      )}
      {removing && (
        <RemoveDocModal
          doc={removing}
          onClose={() => setRemoving(null)}
          onRemoved={() => {
            setRemoving(null);
            void message.success(t('archiveDocs.removed'));
            load();
          }}
        />
      )}
    </div>
  );
}
