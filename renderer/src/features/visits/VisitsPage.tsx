import { useMemo, useState } from 'react';
import { App, Button, DatePicker, Segmented, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ColumnFilter } from '@shared/grid';
import { visitGridColumns } from '@shared/grids/visits';
import { VISIT_CHANNELS, type VisitGridRow } from '@shared/schemas/visits';
import { RegisterPage } from '../../grid/RegisterPage';
import { useAuth } from '../../auth/AuthContext';
import { toIsoDate } from '../../forms/fieldValues';
import { visitColumns } from './visitColumns';
import { VisitForm } from './VisitForm';
import { VisitDetailModal } from './VisitDetailModal';
import { useStaff } from './useStaff';
import { StaffFilter } from './StaffFilter';

type StatusView = 'valid' | 'voided' | 'all';
const EXPORTABLE = Object.keys(visitGridColumns);

/** 客户拜访记录台账: every visit and call of the office, filtered by date, staff, channel and customer. */
export function VisitsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const staff = useStaff();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [staffId, setStaffId] = useState<number | null>(null);
  const [channel, setChannel] = useState<string | null>(null);
  const [status, setStatus] = useState<StatusView>('valid');
  const [recording, setRecording] = useState(false);
  const [open, setOpen] = useState<number | null>(null);

  const columns = useMemo(() => visitColumns(t, { withCustomer: true }), [t]);
  const fixedFilter = useMemo(() => {
    const f: Record<string, ColumnFilter> = {};
    const from = toIsoDate(range?.[0]);
    const to = toIsoDate(range?.[1]);
    if (from) f.visitedOn = { filterType: 'date', type: 'inRange', dateFrom: from, dateTo: to ?? from };
    if (staffId !== null) f.staffId = { filterType: 'set', values: [String(staffId)] };
    if (channel) f.channel = { filterType: 'set', values: [channel] };
    if (status !== 'all') f.status = { filterType: 'set', values: [status] };
    return f;
  }, [range, staffId, channel, status]);

  return (
    <>
      <RegisterPage<VisitGridRow>
        title={t('visits.nav.visits')}
        actions={
          can('customers.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)} data-testid="new-visit">
              {t('visits.new')}
            </Button>
          )
        }
        searchPlaceholder={t('visits.quickSearch')}
        filters={
          <>
            <DatePicker.RangePicker value={range} onChange={(v) => setRange(v)} placeholder={[t('visits.dateRange'), t('visits.dateRange')]} data-testid="visit-dates" />
            <StaffFilter
              staff={staff}
              value={staffId}
              onChange={setStaffId}
              placeholder={t('visits.allStaff')}
              width={150}
              testId="visit-staff"
            />
            <Select
              allowClear
              style={{ width: 120 }}
              placeholder={t('visits.allChannels')}
              value={channel}
              onChange={(v: string | undefined) => setChannel(v ?? null)}
              options={VISIT_CHANNELS.map((c) => ({ value: c, label: t(`visits.enums.channel.${c}`) }))}
              data-testid="visit-channel"
            />
            <Segmented<StatusView>
              value={status}
              onChange={setStatus}
              options={(['valid', 'voided', 'all'] as const).map((s) => ({ value: s, label: t(`visits.statusFilter.${s}`) }))}
            />
          </>
        }
        grid={{
          gridKey: 'grid.visits',
          channel: 'visits.query',
          columnDefs: columns,
          fixedFilter,
          refreshOn: 'visit',
          onRowDoubleClicked: (row) => setOpen(row.id),
          testId: 'visit-grid',
        }}
        exportTo={{ channel: 'visits.export', columns: EXPORTABLE }}
      />
      {recording && (
        <VisitForm
          staff={staff}
          onClose={() => setRecording(false)}
          onSaved={() => {
            setRecording(false);
            void message.success(t('common.saved'));
          }}
        />
      )}
      {open !== null && <VisitDetailModal visitId={open} staff={staff} onClose={() => setOpen(null)} onChanged={() => undefined} />}
    </>
  );
}
