import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App, Button, Popconfirm, Select, Space, Tag } from 'antd';
import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import type { ColDef } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import type { CalendarDayRecord, CalendarYears } from '@shared/schemas/calendar';
import { CALENDAR_DAY_KINDS } from '@shared/workingDays';
import { call, onEvent } from '../../api/client';
import { errorText } from '../../forms/zodRule';
import { ServerGrid, type ServerGridHandle } from '../../grid/ServerGrid';
import { GridPage } from '../../grid/GridPage';
import { dateColumn, setColumn, textColumn } from '../../grid/columns';
import { CalendarDayForm } from './CalendarDayForm';
import { CalendarImport } from './CalendarImport';

const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '0'];
const KIND_COLOR = { holiday: 'red', workday: 'blue' } as const;

/**
 * 工作日历 (系统设置): the public holidays and make-up working days every working-day deadline is counted on.
 * The admin adds, edits, deletes and imports entries; the page says which years are listed and warns from
 * December on when next year is not.
 */
export function CalendarPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const grid = useRef<ServerGridHandle | null>(null);
  const [search, setSearch] = useState('');
  const [count, setCount] = useState<number | null>(null);
  const [year, setYear] = useState<number | null>(null);
  const [years, setYears] = useState<CalendarYears | null>(null);
  const [editing, setEditing] = useState<CalendarDayRecord | 'new' | null>(null);
  const [importing, setImporting] = useState(false);

  const loadYears = useCallback(() => {
    call('calendar.years', {})
      .then(setYears)
      .catch((err: unknown) => void message.error(errorText(err, t)));
  }, [message, t]);
  useEffect(() => {
    loadYears();
    return onEvent('data.changed', (e) => e.entity === 'calendarDay' && loadYears());
  }, [loadYears]);

  const remove = useCallback(
    async (day: CalendarDayRecord) => {
      try {
        await call('calendar.remove', { date: day.date });
        void message.success(t('calendar.actions.removed'));
        grid.current?.refresh();
      } catch (err) {
        void message.error(errorText(err, t));
      }
    },
    [message, t],
  );

  const columns = useMemo<ColDef<CalendarDayRecord>[]>(
    () => [
      dateColumn('date', t('calendar.fields.date'), 'date', { width: 130, sort: 'asc' }),
      setColumn(
        'weekday',
        t('calendar.fields.weekday'),
        WEEKDAYS.map((d) => ({ value: d, label: t(`calendar.weekdays.d${d}`) })),
        { width: 110 },
      ),
      setColumn(
        'kind',
        t('calendar.fields.kind'),
        CALENDAR_DAY_KINDS.map((k) => ({ value: k, label: t(`calendar.kinds.${k}`) })),
        {
          width: 130,
          cellRenderer: (p: { data?: CalendarDayRecord }) =>
            p.data && <Tag color={KIND_COLOR[p.data.kind]}>{t(`calendar.kinds.${p.data.kind}`)}</Tag>,
        },
      ),
      textColumn('name', t('calendar.fields.name'), { flex: 1, minWidth: 180 }),
      dateColumn('updatedAt', t('calendar.fields.updatedAt'), 'instant', { width: 160 }),
      textColumn('updatedBy', t('calendar.fields.updatedBy'), { width: 120 }),
      {
        headerName: t('common.actions'),
        width: 140,
        sortable: false,
        cellRenderer: (p: { data?: CalendarDayRecord }) =>
          p.data && (
            <Space size={0}>
              <Button type="link" size="small" onClick={() => setEditing(p.data!)}>
                {t('calendar.actions.edit')}
              </Button>
              <Popconfirm
                title={t('calendar.actions.removeConfirm', {
                  date: p.data.date,
                  name: p.data.name ?? t(`calendar.kinds.${p.data.kind}`),
                })}
                okText={t('calendar.actions.remove')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: true }}
                onConfirm={() => remove(p.data!)}
              >
                <Button type="link" size="small" danger>
                  {t('calendar.actions.remove')}
                </Button>
              </Popconfirm>
            </Space>
          ),
      },
    ],
    [t, remove],
  );

  const extraInput = useMemo(() => ({ year }), [year]);

  return (
    <>
      <GridPage
        title={t('calendar.title')}
        help={t('calendar.help')}
        actions={
          <>
            <Button
              icon={<ImportOutlined />}
              onClick={() => setImporting(true)}
              data-testid="calendar-import-open"
            >
              {t('calendar.actions.import')}
            </Button>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing('new')}
              data-testid="calendar-add"
            >
              {t('calendar.actions.add')}
            </Button>
          </>
        }
        onSearch={setSearch}
        filters={
          <Select<number | null>
            value={year}
            onChange={setYear}
            style={{ width: 330 }}
            aria-label={t('calendar.years.label')}
            data-testid="calendar-year"
            options={[
              { value: null, label: t('calendar.years.all') },
              ...(years?.years ?? []).map((y) => ({ value: y.year, label: t('calendar.years.option', y) })),
            ]}
          />
        }
        rowCount={count}
      >
        {years?.nextYearMissing && (
          <Alert
            type="warning"
            showIcon
            message={t('calendar.alerts.nextYearMissing', { year: years.nextYear })}
            data-testid="calendar-next-year-missing"
          />
        )}
        {years && !years.nextYearMissing && years.currentYearMissing && (
          <Alert
            type="info"
            showIcon
            message={t('calendar.alerts.currentYearMissing', { year: years.currentYear })}
            data-testid="calendar-current-year-missing"
          />
        )}
        <ServerGrid<CalendarDayRecord>
          gridKey="grid.calendar"
          channel="calendar.query"
          columnDefs={columns}
          quickSearch={search}
          extraInput={extraInput}
          refreshOn="calendarDay"
          onRowCountChange={setCount}
          onRowDoubleClicked={(row) => setEditing(row)}
          handleRef={grid}
          testId="calendar-grid"
        />
      </GridPage>
      {editing && (
        <CalendarDayForm
          day={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void message.success(t('common.saved'));
            grid.current?.refresh();
          }}
        />
      )}
      {importing && (
        <CalendarImport
          onClose={() => setImporting(false)}
          onDone={(created) => {
            setImporting(false);
            void message.success(t('calendar.import.done', { count: created }));
            grid.current?.refresh();
          }}
        />
      )}
    </>
  );
}
