import { useMemo, useRef, useState } from 'react';
import { Button } from 'antd';
import { UndoOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { satisfactionGridColumns } from '@shared/grids/complaints';
import type { SatisfactionGridRow } from '@shared/schemas/complaint';
import { ServerGrid, type ServerGridHandle } from '../../grid/ServerGrid';
import { ExportButton } from '../../grid/ExportButton';
import { GridPage } from '../../grid/GridPage';
import { useAuth } from '../../auth/AuthContext';
import { satisfactionColumns } from './complaintColumns';
import { ComplaintViews } from './ComplaintViews';

const EXPORTABLE = Object.keys(satisfactionGridColumns);

/** 顾客满意台账: the customers' four scores per complaint and their average, as the register the office files. */
export function SatisfactionPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const grid = useRef<ServerGridHandle | null>(null);
  const [search, setSearch] = useState('');
  const [rowCount, setRowCount] = useState<number | null>(null);
  const columnDefs = useMemo(() => satisfactionColumns(t), [t]);

  return (
    <GridPage
      title={t('complaints.views.satisfaction')}
      help={t('complaints.satisfactionHelp')}
      actions={<ComplaintViews current="satisfaction" />}
      searchPlaceholder={t('complaints.quickSearch')}
      onSearch={setSearch}
      rowCount={rowCount}
      tools={
        <>
          <Button icon={<UndoOutlined />} onClick={() => grid.current?.resetColumns()}>
            {t('grid.resetColumns')}
          </Button>
          {can('customers.export') && (
            <ExportButton grid={grid} channel="complaints.satisfactionExport" columns={EXPORTABLE} />
          )}
        </>
      }
    >
      <ServerGrid<SatisfactionGridRow>
        gridKey="grid.complaintSatisfaction"
        channel="complaints.satisfaction"
        columnDefs={columnDefs}
        quickSearch={search}
        refreshOn="complaint"
        onRowCountChange={setRowCount}
        onRowDoubleClicked={(row) => void navigate(`/complaints/${row.id}`)}
        handleRef={grid}
        testId="satisfaction-grid"
      />
    </GridPage>
  );
}
