import { useEffect, useMemo, useState } from 'react';
import { App, Button, Segmented, Tag } from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import type { ColDef } from 'ag-grid-community';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ColumnFilter } from '@shared/grid';
import type { Cadence } from '@shared/cadence';
import { overdueGridColumns } from '@shared/grids/visits';
import { ABC_CLASSES } from '@shared/schemas/customer';
import { OVERDUE_KINDS, type OverdueRow } from '@shared/schemas/visits';
import { call } from '../../api/client';
import { RegisterPage } from '../../grid/RegisterPage';
import { dateColumn, enumValues, numberColumn, setColumn, textColumn } from '../../grid/columns';
import { useAuth } from '../../auth/AuthContext';
import { VisitForm, type VisitCustomer } from './VisitForm';
import { useStaff } from './useStaff';
import { StaffFilter } from './StaffFilter';

type KindView = 'all' | 'phone' | 'visit';
const EXPORTABLE = Object.keys(overdueGridColumns);

/** 逾期未联系: customers past their phone or visit due date, most overdue first, per 客户经理. */
export function OverduePage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const staff = useStaff();
  const [cadence, setCadence] = useState<Cadence | null>(null);
  const [managerId, setManagerId] = useState<number | null>(null);
  const [kind, setKind] = useState<KindView>('all');
  const [recording, setRecording] = useState<VisitCustomer | null>(null);

  useEffect(() => {
    void call('cadence.get', {}).then(setCadence);
  }, []);

  const columns = useMemo<ColDef<OverdueRow>[]>(() => {
    const f = (id: string) => t(`visits.overdue.fields.${id}`);
    const due = (field: 'nextPhoneDue' | 'nextVisitDue', kindOf: 'phone' | 'visit') =>
      dateColumn(field, f(field), 'date', {
        width: 120,
        cellRenderer: (p: { value?: string; data?: OverdueRow }) =>
          p.data && (p.data.overdueKind === kindOf || p.data.overdueKind === 'both') ? <span style={{ color: '#cf1322' }}>{p.value}</span> : p.value,
      });
    return [
      textColumn('code', f('code'), { width: 110, pinned: 'left' }),
      textColumn('name', f('name'), { width: 250, pinned: 'left' }),
      setColumn('abcClass', f('abcClass'), enumValues(t, 'abcClass', ABC_CLASSES), { width: 90 }),
      textColumn('managerName', f('managerName'), { width: 100 }),
      numberColumn('daysOverdue', f('daysOverdue'), {
        width: 110,
        cellRenderer: (p: { value?: number }) => <Tag color={(p.value ?? 0) > 30 ? 'red' : 'orange'}>{p.value}</Tag>,
      }),
      setColumn('overdueKind', f('overdueKind'), OVERDUE_KINDS.map((k) => ({ value: k, label: t(`visits.enums.overdueKind.${k}`) })), { width: 150 }),
      dateColumn('lastContactOn', f('lastContactOn'), 'date', { width: 120, valueFormatter: (p) => (p.value as string | null) ?? t('visits.cadence.never') }),
      due('nextPhoneDue', 'phone'),
      dateColumn('lastVisitOn', f('lastVisitOn'), 'date', { width: 120, valueFormatter: (p) => (p.value as string | null) ?? t('visits.cadence.neverVisited') }),
      due('nextVisitDue', 'visit'),
      ...(can('customers.write')
        ? [
            {
              colId: 'actions',
              pinned: 'right',
              headerName: t('common.actions'),
              width: 120,
              sortable: false,
              cellRenderer: (p: { data?: OverdueRow }) =>
                p.data ? (
                  <Button
                    type="link"
                    size="small"
                    icon={<PhoneOutlined />}
                    data-testid="record-contact"
                    onClick={() => setRecording({ id: p.data!.id, code: p.data!.code, name: p.data!.name, managerStaffId: p.data!.managerStaffId, abcClass: p.data!.abcClass })}
                  >
                    {t('visits.overdue.record')}
                  </Button>
                ) : null,
            } satisfies ColDef<OverdueRow>,
          ]
        : []),
    ];
  }, [t, can]);

  const fixedFilter = useMemo(() => {
    const f: Record<string, ColumnFilter> = {};
    if (managerId !== null) f.managerStaffId = { filterType: 'set', values: [String(managerId)] };
    if (kind !== 'all') f.overdueKind = { filterType: 'set', values: [kind, 'both'] };
    return f;
  }, [managerId, kind]);

  const rule = cadence
    ? ABC_CLASSES.map((k) => t('visits.cadence.summary', { cls: t(`enums.abcClass.${k}`), days: cadence[k].phoneDays, months: cadence[k].visitMonths })).join('；')
    : '';

  return (
    <>
      <RegisterPage<OverdueRow>
        title={t('visits.overdue.title')}
        help={cadence ? t('visits.overdue.help', { rule }) : undefined}
        searchPlaceholder={t('visits.overdue.quickSearch')}
        filters={
          <>
            <StaffFilter
              staff={staff}
              value={managerId}
              onChange={setManagerId}
              placeholder={t('visits.overdue.fields.managerName')}
              width={160}
              testId="overdue-manager"
            />
            <Segmented<KindView>
              value={kind}
              onChange={setKind}
              options={(['all', 'phone', 'visit'] as const).map((k) => ({ value: k, label: t(`visits.overdue.kindFilter.${k}`) }))}
            />
          </>
        }
        grid={{
          gridKey: 'grid.overdueContacts',
          channel: 'cadence.overdue',
          columnDefs: columns,
          fixedFilter,
          refreshOn: 'visit',
          onRowDoubleClicked: (row) => void navigate(`/customers/${row.id}`),
          testId: 'overdue-grid',
        }}
        exportTo={{ channel: 'cadence.overdueExport', columns: EXPORTABLE }}
      />
      {recording && (
        <VisitForm
          customer={recording}
          staff={staff}
          defaultChannel="phone"
          onClose={() => setRecording(null)}
          onSaved={() => {
            setRecording(null);
            void message.success(t('common.saved'));
          }}
        />
      )}
    </>
  );
}
