import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Space, Tag, Tooltip, Typography } from 'antd';
import { PlayCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { AgGridReact } from 'ag-grid-react';
import type { ColDef } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { RunResult, RunRow, ScheduleRecord } from '@shared/schemas/schedules';
import { call, onEvent } from '../../api/client';
import { errorText } from '../../forms/zodRule';
import { gridLocaleText, gridTheme } from '../../grid/agGrid';
import { formatInstant } from '../../shell/format';
import { ScheduleForm } from './ScheduleForm';
import { ruleText } from './ruleText';

const RESULT_COLOR: Record<RunResult, string> = {
  running: 'processing',
  ok: 'success',
  partial: 'warning',
  failed: 'error',
  interrupted: 'default',
};

function ResultTag({ result }: { result: RunResult | null }) {
  const { t } = useTranslation();
  if (!result) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Tag color={RESULT_COLOR[result]} bordered={false} data-testid={`run-result-${result}`}>
      {t(`schedules.results.${result}`)}
    </Tag>
  );
}

/** What went wrong in a run, in words: the run's own error, or each failed register's. */
function runProblems(run: RunRow, t: TFunction): string {
  if (run.error) return t(run.error, run.errorParams ?? {});
  return run.outcomes
    .filter((o) => o.state === 'failed')
    .map((o) => `${t(`registers.${o.register}`)}：${t(o.error ?? 'errors.internal', o.errorParams ?? {})}`)
    .join('；');
}

/** 定时导出: the schedules, their last and next run, 立即运行, and the run history (admin only). */
export function SchedulesPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [schedules, setSchedules] = useState<ScheduleRecord[]>([]);
  const [runs, setRuns] = useState<RunRow[]>([]);
  const [selected, setSelected] = useState<number | null>(null);
  const [editing, setEditing] = useState<ScheduleRecord | 'new' | null>(null);
  const [running, setRunning] = useState<number | null>(null);

  const load = useCallback(() => {
    void call('schedules.list', {}).then(setSchedules);
    void call('schedules.runs', selected === null ? {} : { scheduleId: selected }).then(setRuns);
  }, [selected]);
  useEffect(load, [load]);
  useEffect(() => onEvent('data.changed', (e) => e.entity === 'exportSchedules' && load()), [load]);

  const runNow = async (s: ScheduleRecord) => {
    setRunning(s.id);
    try {
      const run = await call('schedules.runNow', { id: s.id });
      const text = t('schedules.ran', { name: s.name, result: t(`schedules.results.${run.result}`) });
      if (run.result === 'ok') void message.success(text);
      else void message.error(`${text}：${runProblems(run, t)}`, 8);
      setSelected(s.id);
      load();
    } catch (err) {
      void message.error(errorText(err, t));
    } finally {
      setRunning(null);
    }
  };

  const toggle = async (s: ScheduleRecord) => {
    try {
      await call('schedules.setEnabled', { id: s.id, enabled: !s.enabled });
      load();
    } catch (err) {
      void message.error(errorText(err, t));
    }
  };

  const columns = useMemo<ColDef<ScheduleRecord>[]>(
    () => [
      {
        field: 'name',
        headerName: t('schedules.fields.name'),
        width: 178,
        cellRenderer: (p: { data?: ScheduleRecord }) =>
          p.data && (
            <Space size={4}>
              <span>{p.data.name}</span>
              {!p.data.enabled && (
                <Tag bordered={false} data-testid={`schedule-off-${p.data.id}`}>
                  {t('schedules.notEnabled')}
                </Tag>
              )}
              {p.data.preset && p.data.targetId === null && (
                <Tooltip title={t('schedules.presetWaiting')}>
                  <Tag color="warning" bordered={false}>
                    {t('schedules.noTarget')}
                  </Tag>
                </Tooltip>
              )}
            </Space>
          ),
      },
      {
        colId: 'rule',
        headerName: t('schedules.fields.rule'),
        width: 150,
        valueGetter: (p) => p.data && ruleText(p.data.rule, t),
        tooltipValueGetter: (p) => p.value as string,
      },
      {
        colId: 'registers',
        headerName: t('schedules.fields.registers'),
        flex: 1,
        minWidth: 100,
        valueGetter: (p) =>
          p.data &&
          p.data.registers.map((k) => t(`registers.${k}`)).join('、') +
            (p.data.changedOnly ? `（${t('schedules.fields.changedOnly')}）` : '') +
            ` · .${p.data.format}`,
        tooltipValueGetter: (p) => p.value as string,
      },
      {
        field: 'targetName',
        headerName: t('schedules.fields.target'),
        width: 100,
        valueFormatter: (p) => (p.value as string | null) ?? '—',
      },
      {
        field: 'ownerName',
        headerName: t('schedules.fields.ownerShort'),
        width: 72,
        valueFormatter: (p) => (p.value as string | null) ?? '—',
      },
      {
        field: 'lastRunAt',
        headerName: t('schedules.fields.lastRun'),
        width: 172,
        cellRenderer: (p: { data?: ScheduleRecord }) =>
          p.data && (
            <Space size={4}>
              <ResultTag result={p.data.lastResult} />
              {p.data.lastRunAt && <span>{formatInstant(p.data.lastRunAt)}</span>}
            </Space>
          ),
      },
      {
        field: 'nextRunAt',
        headerName: t('schedules.fields.nextRun'),
        width: 140,
        valueFormatter: (p) => formatInstant(p.value as string | null) || '—',
      },
      {
        headerName: t('common.actions'),
        width: 212,
        pinned: 'right',
        sortable: false,
        cellRenderer: (p: { data?: ScheduleRecord }) =>
          p.data && (
            <Space size={0}>
              <Button
                type="link"
                size="small"
                onClick={() => setEditing(p.data!)}
                data-testid={`edit-schedule-${p.data.id}`}
              >
                {t('common.edit')}
              </Button>
              <Button
                type="link"
                size="small"
                onClick={() => void toggle(p.data!)}
                data-testid={`toggle-schedule-${p.data.id}`}
              >
                {p.data.enabled ? t('schedules.disable') : t('schedules.enable')}
              </Button>
              <Button
                type="link"
                size="small"
                icon={<PlayCircleOutlined />}
                loading={running === p.data.id}
                onClick={() => void runNow(p.data!)}
                data-testid={`run-schedule-${p.data.id}`}
              >
                {t('schedules.runNow')}
              </Button>
            </Space>
          ),
      },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runNow/toggle only call the backend and set state
    [t, running],
  );

  const runColumns = useMemo<ColDef<RunRow>[]>(
    () => [
      {
        field: 'startedAt',
        headerName: t('schedules.fields.startedAt'),
        width: 140,
        valueFormatter: (p) => formatInstant(p.value as string),
      },
      { field: 'scheduleName', headerName: t('schedules.fields.name'), width: 140 },
      {
        field: 'trigger',
        headerName: t('schedules.fields.trigger'),
        width: 150,
        valueFormatter: (p) =>
          p.data
            ? t(`schedules.triggers.${p.data.trigger}`) +
              (p.data.trigger === 'catchUp' && p.data.missed > 1
                ? `（${t('schedules.missed', { count: p.data.missed })}）`
                : '')
            : '',
      },
      {
        field: 'dueAt',
        headerName: t('schedules.fields.dueAt'),
        width: 140,
        valueFormatter: (p) => formatInstant(p.value as string | null) || '—',
      },
      {
        field: 'result',
        headerName: t('schedules.fields.result'),
        width: 95,
        cellRenderer: (p: { data?: RunRow }) => p.data && <ResultTag result={p.data.result} />,
      },
      {
        colId: 'outcomes',
        headerName: t('schedules.fields.outcomes'),
        flex: 1,
        minWidth: 260,
        valueGetter: (p) =>
          p.data &&
          (p.data.error
            ? ''
            : p.data.outcomes
                .map(
                  (o) =>
                    `${t(`registers.${o.register}`)} ${t(`schedules.outcomeStates.${o.state}`)}${o.rows === null ? '' : `（${o.rows}）`}`,
                )
                .join('；')),
        tooltipValueGetter: (p) => p.value as string,
      },
      {
        colId: 'error',
        headerName: t('schedules.fields.error'),
        width: 260,
        valueGetter: (p) => p.data && runProblems(p.data, t),
        tooltipValueGetter: (p) => p.value as string,
        cellClass: 'text-danger',
      },
      {
        colId: 'jobs',
        headerName: t('schedules.fields.jobs'),
        width: 110,
        valueGetter: (p) => p.data && p.data.jobIds.map((id) => `#${id}`).join(' '),
      },
      {
        field: 'finishedAt',
        headerName: t('schedules.fields.finishedAt'),
        width: 140,
        valueFormatter: (p) => formatInstant(p.value as string | null),
      },
    ],
    [t],
  );

  const waiting = schedules.filter((s) => s.preset !== null && s.targetId === null);
  const selectedName = schedules.find((s) => s.id === selected)?.name;

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <Typography.Title level={4} className="page-title">
            {t('schedules.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('schedules.help')}</Typography.Text>
        </div>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setEditing('new')}
          data-testid="new-schedule"
        >
          {t('schedules.new')}
        </Button>
      </div>
      {waiting.length > 0 && (
        <Alert
          type="warning"
          showIcon
          message={t('schedules.presetsWaiting', { names: waiting.map((s) => s.name).join('、') })}
          style={{ marginBottom: 12 }}
          data-testid="presets-waiting"
        />
      )}
      <Card size="small" style={{ marginBottom: 12 }}>
        <div
          data-testid="schedule-grid"
          style={{ height: Math.min(8, Math.max(schedules.length, 2)) * 42 + 64 }}
        >
          <AgGridReact<ScheduleRecord>
            theme={gridTheme}
            localeText={gridLocaleText(i18n.language)}
            rowData={schedules}
            columnDefs={columns}
            getRowId={(p) => String(p.data.id)}
            rowSelection={{ mode: 'singleRow', checkboxes: false, enableClickSelection: true }}
            onRowClicked={(e) => e.data && setSelected(e.data.id)}
            onRowDoubleClicked={(e) => e.data && setEditing(e.data)}
            tooltipShowDelay={300}
          />
        </div>
      </Card>
      <Card
        size="small"
        title={selectedName ? t('schedules.historyOf', { name: selectedName }) : t('schedules.history')}
        extra={
          selected !== null && (
            <Button size="small" onClick={() => setSelected(null)}>
              {t('schedules.allRuns')}
            </Button>
          )
        }
      >
        <div style={{ height: 300 }} data-testid="run-grid">
          <AgGridReact<RunRow>
            theme={gridTheme}
            localeText={{ ...gridLocaleText(i18n.language), noRowsToShow: t('schedules.noRuns') }}
            rowData={runs}
            columnDefs={runColumns}
            getRowId={(p) => String(p.data.id)}
            tooltipShowDelay={300}
          />
        </div>
      </Card>
      {editing && (
        <ScheduleForm
          schedule={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            void message.success(t('schedules.saved', { name: saved.name }));
            load();
          }}
        />
      )}
    </div>
  );
}
