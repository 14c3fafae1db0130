import { useMemo, useState } from 'react';
import { App, Button, DatePicker, Segmented, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ColumnFilter } from '@shared/grid';
import { complaintGridColumns } from '@shared/grids/complaints';
import { COMPLAINT_STATUSES, COMPLAINT_TYPES, type ComplaintGridRow } from '@shared/schemas/complaint';
import { RegisterPage } from '../../grid/RegisterPage';
import { useAuth } from '../../auth/AuthContext';
import { toIsoDate } from '../../forms/fieldValues';
import { complaintColumns } from './complaintColumns';
import { complaintOptions } from './labels';
import { ComplaintViews } from './ComplaintViews';
import { ComplaintForm } from './ComplaintForm';
import './complaints.css';

type Due = 'all' | 'overdue' | 'dueToday';
const EXPORTABLE = Object.keys(complaintGridColumns);

/**
 * 客户投诉记录台账: every complaint in one server-side grid, filtered by received dates, type, status and due
 * state (the dashboard links here with ?due=overdue or ?due=dueToday). Overdue rows are tinted.
 */
export function ComplaintsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [types, setTypes] = useState<string[]>([]);
  const [statuses, setStatuses] = useState<string[]>([]);
  const [creating, setCreating] = useState(false);
  const dueParam = params.get('due');
  const due: Due = dueParam === 'overdue' || dueParam === 'dueToday' ? dueParam : 'all';

  const columnDefs = useMemo(() => complaintColumns(t, { toolbarFilters: true }), [t]);
  const fixedFilter = useMemo(() => {
    const filter: Record<string, ColumnFilter> = {};
    const from = toIsoDate(range?.[0]);
    const to = toIsoDate(range?.[1]);
    if (from) filter.receivedAt = { filterType: 'date', type: 'inRange', dateFrom: from, dateTo: to ?? from };
    if (types.length) filter.type = { filterType: 'set', values: types };
    if (statuses.length) filter.status = { filterType: 'set', values: statuses };
    if (due !== 'all') filter.dueState = { filterType: 'set', values: [due] };
    return filter;
  }, [range, types, statuses, due]);

  return (
    <>
      <RegisterPage<ComplaintGridRow>
        title={t('complaints.views.register')}
        help={t('complaints.help')}
        actions={
          <>
            <ComplaintViews current="register" />
            {can('complaints.handle') && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setCreating(true)}
                data-testid="new-complaint"
              >
                {t('complaints.actions.new')}
              </Button>
            )}
          </>
        }
        searchPlaceholder={t('complaints.quickSearch')}
        filters={
          <>
            <span data-testid="filter-received">
              <DatePicker.RangePicker
                value={range}
                onChange={(v) => setRange(v)}
                placeholder={[t('complaints.filters.receivedRange'), t('complaints.filters.receivedRange')]}
                allowEmpty={[false, true]}
                style={{ width: 250 }}
              />
            </span>
            <Select
              mode="multiple"
              allowClear
              maxTagCount="responsive"
              placeholder={t('complaints.filters.types')}
              options={complaintOptions(t, 'types', COMPLAINT_TYPES)}
              value={types}
              onChange={setTypes}
              style={{ width: 170 }}
              data-testid="filter-type"
            />
            <Select
              mode="multiple"
              allowClear
              maxTagCount="responsive"
              placeholder={t('complaints.filters.statuses')}
              options={complaintOptions(t, 'statuses', COMPLAINT_STATUSES)}
              value={statuses}
              onChange={setStatuses}
              style={{ width: 170 }}
              data-testid="filter-status"
            />
            <Segmented<Due>
              value={due}
              onChange={(v) => setParams(v === 'all' ? {} : { due: v }, { replace: true })}
              options={(['all', 'overdue', 'dueToday'] as const).map((v) => ({
                value: v,
                label: t(`complaints.filters.due.${v}`),
              }))}
              data-testid="filter-due"
            />
          </>
        }
        grid={{
          gridKey: 'grid.complaints',
          channel: 'complaints.query',
          columnDefs,
          fixedFilter,
          refreshOn: 'complaint',
          onRowDoubleClicked: (row) => void navigate(`/complaints/${row.id}`),
          testId: 'complaint-grid',
        }}
        exportTo={{ channel: 'complaints.export', columns: EXPORTABLE }}
      />
      {creating && (
        <ComplaintForm
          onClose={() => setCreating(false)}
          onSaved={(d) => {
            setCreating(false);
            void message.success(
              t('complaints.saved.created', { number: d.complaint.number, dueOn: d.complaint.dueOn }),
            );
            void navigate(`/complaints/${d.complaint.id}`);
          }}
        />
      )}
    </>
  );
}
