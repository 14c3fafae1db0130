import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Space, Tag, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { ColDef } from 'ag-grid-community';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ColumnFilter } from '@shared/grid';
import { ABC_CLASSES } from '@shared/schemas/customer';
import { PLAN_STATES, type PlanRow, type PlanSummary } from '@shared/schemas/visits';
import { call, onEvent } from '../../api/client';
import { errorText } from '../../forms/zodRule';
import { ServerGrid, type ServerGridHandle } from '../../grid/ServerGrid';
import { dateColumn, enumValues, setColumn, textColumn } from '../../grid/columns';
import { useAuth } from '../../auth/AuthContext';
import { PlanLineModal } from './PlanLineModal';
import { PlanSummaryGrid } from './PlanSummaryGrid';
import { useStaff } from './useStaff';
import { StaffFilter } from './StaffFilter';

const STATE_COLOR = { done: 'green', pending: 'blue', missed: 'orange' } as const;

/** 月度拜访计划: each staff member's planned customers for a month, and how many were actually visited. */
export function PlansPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message, modal } = App.useApp();
  const staff = useStaff();
  const grid = useRef<ServerGridHandle | null>(null);
  const [month, setMonth] = useState(dayjs().format('YYYY-MM'));
  const [staffId, setStaffId] = useState<number | null>(null);
  const [summary, setSummary] = useState<PlanSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<PlanRow | 'new' | null>(null);
  const editable = Boolean(summary?.editable && can('customers.write'));

  const load = useCallback(() => {
    call('visitPlans.summary', { month })
      .then((s) => {
        setSummary(s);
        setError(null);
      })
      .catch((err: unknown) => setError(errorText(err, t)));
  }, [month, t]);
  useEffect(() => {
    load();
    return onEvent('data.changed', (e) => {
      if (e.entity !== 'visit' && e.entity !== 'visitPlan') return;
      load();
      // A visit recorded elsewhere can complete a plan line: the lines grid only listens for plan changes itself.
      if (e.entity === 'visit') grid.current?.refresh();
    });
  }, [load]);

  const remove = useCallback(
    (line: PlanRow) =>
      modal.confirm({
        title: t('visits.plans.removeConfirm', { customer: line.customerName, staff: line.staffName, month: line.month }),
        okButtonProps: { danger: true },
        okText: t('visits.plans.remove'),
        onOk: async () => {
          try {
            await call('visitPlans.remove', { id: line.id });
          } catch (err) {
            void message.error(errorText(err, t));
          }
        },
      }),
    [modal, message, t],
  );

  const columns = useMemo<ColDef<PlanRow>[]>(() => {
    const f = (id: string) => t(`visits.plans.fields.${id}`);
    return [
      dateColumn('plannedOn', f('plannedOn'), 'date', { width: 120 }),
      textColumn('staffName', f('staffName'), { width: 100 }),
      textColumn('customerCode', f('customerCode'), { width: 110 }),
      textColumn('customerName', f('customerName'), { width: 250 }),
      setColumn('abcClass', f('abcClass'), enumValues(t, 'abcClass', ABC_CLASSES), { width: 90 }),
      setColumn('state', f('state'), PLAN_STATES.map((s) => ({ value: s, label: t(`visits.enums.planState.${s}`) })), {
        width: 130,
        cellRenderer: (p: { value?: PlanRow['state'] }) => (p.value ? <Tag color={STATE_COLOR[p.value]}>{t(`visits.enums.planState.${p.value}`)}</Tag> : null),
      }),
      dateColumn('visitedOn', f('visitedOn'), 'date', { width: 130 }),
      textColumn('notes', f('notes'), { flex: 1, minWidth: 160 }),
      ...(editable
        ? [
            {
              colId: 'actions',
              pinned: 'right',
              headerName: t('common.actions'),
              width: 110,
              sortable: false,
              cellRenderer: (p: { data?: PlanRow }) =>
                p.data ? (
                  <Space size={0}>
                    <Button type="link" size="small" icon={<EditOutlined />} aria-label={t('visits.plans.editDate')} onClick={() => setEditing(p.data!)} />
                    <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label={t('visits.plans.remove')} onClick={() => remove(p.data!)} />
                  </Space>
                ) : null,
            } satisfies ColDef<PlanRow>,
          ]
        : []),
    ];
  }, [t, editable, remove]);

  const fixedFilter = useMemo((): Record<string, ColumnFilter> => (staffId === null ? {} : { staffId: { filterType: 'set', values: [String(staffId)] } }), [staffId]);
  const extraInput = useMemo(() => ({ month }), [month]);

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <Typography.Title level={4} className="page-title">
            {t('visits.plans.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('visits.plans.help')}</Typography.Text>
        </div>
        <div className="toolbar">
          <DatePicker
            picker="month"
            allowClear={false}
            value={dayjs(`${month}-01`)}
            onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
            aria-label={t('visits.plans.month')}
            data-testid="plan-month"
          />
          {editable && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="add-plan">
              {t('visits.plans.add')}
            </Button>
          )}
        </div>
      </div>
      {error && <Alert type="error" showIcon message={error} />}
      {summary && !summary.editable && <Alert type="info" showIcon message={t('visits.plans.closed', { month })} />}
      <div style={{ display: 'flex', flexDirection: 'column', gap: 12, flex: 1, minHeight: 0 }}>
        <Card size="small" title={t('visits.plans.summaryTitle')}>
          {summary && <PlanSummaryGrid summary={summary} onPick={setStaffId} />}
        </Card>
        <Card
          size="small"
          className="grid-card"
          title={t('visits.plans.lines')}
          extra={
            <StaffFilter
              staff={staff}
              value={staffId}
              onChange={setStaffId}
              placeholder={t('visits.plans.allStaff')}
              width={180}
              testId="plan-staff"
            />
          }
          styles={{ body: { display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 } }}
        >
          <ServerGrid<PlanRow>
            gridKey="grid.visitPlans"
            channel="visitPlans.query"
            columnDefs={columns}
            extraInput={extraInput}
            fixedFilter={fixedFilter}
            refreshOn="visitPlan"
            handleRef={grid}
            testId="plan-grid"
          />
        </Card>
      </div>
      {editing && (
        <PlanLineModal
          month={month}
          staff={staff}
          staffId={staffId}
          line={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void message.success(t('common.saved'));
          }}
        />
      )}
    </div>
  );
}
