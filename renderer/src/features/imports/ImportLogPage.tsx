import { useMemo, useState } from 'react';
import type { ColDef } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import { IMPORT_RESULTS, type ImportLogRow } from '@shared/schemas/imports';
import { ServerGrid } from '../../grid/ServerGrid';
import { GridPage } from '../../grid/GridPage';
import { dateColumn, numberColumn, setColumn, textColumn } from '../../grid/columns';
import { formatNumber } from '../../shell/format';

/** 导入记录: every import — done, refused for problems, or cancelled — who, when, which file, what it did. */
export function ImportLogPage() {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useState('');
  const [count, setCount] = useState<number | null>(null);
  const columns = useMemo<ColDef<ImportLogRow>[]>(() => {
    const count: ColDef = { width: 92, valueFormatter: (p) => (typeof p.value === 'number' ? formatNumber(p.value, i18n.language) : '') };
    return [
      dateColumn('startedAt', t('imports.log.columns.startedAt'), 'instant', { width: 150 }),
      textColumn('userName', t('imports.log.columns.userName'), { width: 110 }),
      textColumn('fileName', t('imports.log.columns.fileName'), { flex: 1, minWidth: 200 }),
      setColumn(
        'result',
        t('imports.log.columns.result'),
        IMPORT_RESULTS.map((r) => ({ value: r, label: t(`imports.results.${r}`) })),
        { width: 130 },
      ),
      numberColumn('rows', t('imports.log.columns.rows'), count),
      numberColumn('created', t('imports.log.columns.created'), count),
      numberColumn('updated', t('imports.log.columns.updated'), count),
      numberColumn('contacts', t('imports.log.columns.contacts'), count),
      numberColumn('problems', t('imports.log.columns.problems'), count),
      dateColumn('receivedOn', t('imports.log.columns.receivedOn'), 'date', { width: 120 }),
    ];
  }, [t, i18n.language]);
  return (
    <GridPage title={t('imports.logTitle')} help={t('imports.log.help')} onSearch={setSearch} rowCount={count}>
      <ServerGrid<ImportLogRow>
        gridKey="grid.importLog"
        channel="imports.log"
        columnDefs={columns}
        quickSearch={search}
        refreshOn="customer"
        onRowCountChange={setCount}
        testId="import-log-grid"
      />
    </GridPage>
  );
}
