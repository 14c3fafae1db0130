import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { PrintSheet } from '../PrintSheet';
import { ListTable } from '../parts';
import { useSheetData } from './useSheetData';
import type { SheetProps } from '../sheets';

/**
 * 卷内文件目录: the index at the front of a customer's paper file — the documents in filing order (by item, and
 * inside an item by the filing rules: approval before request, original before attachment, printed copy before
 * final draft) with their page ranges. The order comes from the backend (archiveDocs/fileIndex.ts).
 */
export function FileIndexSheet({ id }: SheetProps) {
  const { t } = useTranslation();
  const { data, error } = useSheetData(() => call('archiveDocs.index', { customerId: Number(id) }), [id]);
  if (error) return <Alert type="error" showIcon message={error} style={{ margin: 24 }} />;
  const f = (k: string) => t(`archiveDocs.fields.${k}`);
  return (
    <PrintSheet
      title={t('archiveDocs.indexTitle')}
      reference={data ? `${t('customers.fields.code')}：${data.customer.code}` : ''}
      subject={data ? `${data.customer.name}\u3000${t('archiveDocs.summary', { items: data.items, docs: data.rows.length, pages: data.totalPages })}` : ''}
      signatures={[t('archiveDocs.signFiler'), t('archiveDocs.signChecker')]}
      ready={data !== null}
    >
      {/* A smaller type than the other sheets: nine columns on portrait A4, dates and numbers on one line. */}
      <style>{'.file-index .print-table { font-size: 9pt; } .file-index .print-table td { padding: 1mm 1.2mm; }'}</style>
      {data && (
        <div className="file-index">
          <ListTable
            rows={data.rows}
            empty={t('archiveDocs.none')}
            columns={[
              { title: f('lineNo'), width: '6%', value: (r) => r.lineNo },
              { title: f('sequence'), width: '6%', value: (r) => r.sequence },
              { title: f('docNo'), width: '14%', value: (r) => r.docNo ?? '' },
              { title: f('author'), width: '12%', value: (r) => r.author ?? '' },
              { title: f('title'), value: (r) => `${r.title}（${t(`archiveDocs.roles.${r.role}`)}）` },
              { title: f('docDate'), width: '12%', value: (r) => r.docDate ?? '' },
              { title: f('copies'), width: '6%', value: (r) => r.copies },
              { title: f('pageRange'), width: '9%', value: (r) => (r.startPage === r.endPage ? r.startPage : `${r.startPage}–${r.endPage}`) },
              { title: f('notes'), width: '8%', value: (r) => r.notes ?? '' },
            ]}
          />
        </div>
      )}
    </PrintSheet>
  );
}
