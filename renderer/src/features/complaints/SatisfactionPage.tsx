import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { satisfactionGridColumns } from '@shared/grids/complaints';
import type { SatisfactionGridRow } from '@shared/schemas/complaint';
import { RegisterPage } from '../../grid/RegisterPage';
import { satisfactionColumns } from './complaintColumns';
import { ComplaintViews } from './ComplaintViews';

const EXPORTABLE = Object.keys(satisfactionGridColumns);

/** 顾客满意台账: the customers' four scores per complaint and their average, as the register the office files. */
export function SatisfactionPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const columnDefs = useMemo(() => satisfactionColumns(t), [t]);

  return (
    <RegisterPage<SatisfactionGridRow>
      title={t('complaints.views.satisfaction')}
      help={t('complaints.satisfactionHelp')}
      actions={<ComplaintViews current="satisfaction" />}
      searchPlaceholder={t('complaints.quickSearch')}
      grid={{
        gridKey: 'grid.complaintSatisfaction',
        channel: 'complaints.satisfaction',
        columnDefs,
        refreshOn: 'complaint',
        onRowDoubleClicked: (row) => void navigate(`/complaints/${row.id}`),
        testId: 'satisfaction-grid',
      }}
      exportTo={{ channel: 'complaints.satisfactionExport', columns: EXPORTABLE }}
    />
  );
}
