import { useMemo, useRef, useState } from 'react';
import { App, Button, Segmented, Space, Tooltip, Typography } from 'antd';
import type { ColDef } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import { DELIVERY_ERRORS, JOB_STATES, type JobRow } from '@shared/schemas/delivery';
import { JOB_STATE_VIEWS, jobStateFilter, type JobStateView } from '@shared/grids/delivery';
import { call } from '../../api/client';
import { errorText } from '../../forms/zodRule';
import { ServerGrid, type ServerGridHandle } from '../../grid/ServerGrid';
import { GridPage } from '../../grid/GridPage';
import { dateColumn, numberColumn, setColumn, textColumn } from '../../grid/columns';
import { formatBytes, JobStateTag } from './stateTags';
import { AttemptsDrawer, RedirectModal } from './JobDialogs';
import { AbandonModal } from './AbandonModal';
import { useAuth } from '../../auth/AuthContext';
import { formatInstant } from '../../shell/format';

/** 导出任务: the outbox — files waiting for their target, failed and retrying (with why), and delivered (where). */
export function JobsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const grid = useRef<ServerGridHandle | null>(null);
  const [search, setSearch] = useState('');
  const [count, setCount] = useState<number | null>(null);
  const [view, setView] = useState<JobStateView>('all');
  const [retrying, setRetrying] = useState<number | null>(null);
  const [redirecting, setRedirecting] = useState<JobRow | null>(null);
  const [showing, setShowing] = useState<JobRow | null>(null);
  const [abandoning, setAbandoning] = useState<JobRow | null>(null);
  const { can } = useAuth();
  const mayAbandon = can('delivery.manage');
  /** Waiting or failed: the job is still tried, so it can be retried, redirected or abandoned. */
  const open = (job: JobRow) => job.state === 'pending' || job.state === 'failed';

  const fixedFilter = useMemo(() => jobStateFilter(view), [view]);

  const retry = async (job: JobRow) => {
    setRetrying(job.id);
    try {
      const row = await call('delivery.jobs.retry', { id: job.id });
      if (row.state === 'delivered') void message.success(t('delivery.jobs.retried', { fileName: row.fileName }));
      else void message.warning(t('delivery.jobs.retryFailed', { fileName: row.fileName, reason: t(`delivery.reasons.${row.lastError ?? 'failed'}`) }));
      grid.current?.refresh();
    } catch (err) {
      void message.error(errorText(err, t));
    } finally {
      setRetrying(null);
    }
  };

  const columns = useMemo<ColDef<JobRow>[]>(
    () => [
      numberColumn('id', t('delivery.jobs.fields.id'), { width: 80 }),
      dateColumn('createdAt', t('delivery.jobs.fields.createdAt'), 'instant', { width: 140 }),
      textColumn('register', t('delivery.jobs.fields.register'), { width: 120 }),
      setColumn('state', t('delivery.jobs.fields.state'), JOB_STATES.map((s) => ({ value: s, label: t(`delivery.jobStates.${s}`) })), {
        width: 130,
        cellRenderer: (p: { data?: JobRow }) => p.data && <JobStateTag state={p.data.state} />,
      }),
      setColumn('lastError', t('delivery.jobs.fields.lastError'), DELIVERY_ERRORS.map((e) => ({ value: e, label: t(`delivery.reasons.${e}`) })), {
        width: 220,
        cellRenderer: (p: { data?: JobRow }) => {
          const job = p.data;
          if (!job || job.state === 'delivered') return null;
          if (job.state === 'abandoned')
            return (
              // The reason leads: it is what a colleague needs; who and when follow, all of it in the tooltip.
              <Tooltip title={t('delivery.jobs.closedBy', { name: job.closedByName, at: formatInstant(job.closedAt), reason: job.closedReason })}>
                <Typography.Text type="secondary" data-testid={`job-reason-${job.id}`}>
                  {t('delivery.jobs.closedBy', { name: job.closedByName, at: formatInstant(job.closedAt), reason: job.closedReason })}
                </Typography.Text>
              </Tooltip>
            );
          if (job.state === 'lost')
            return (
              <Tooltip title={t('delivery.jobs.lostNote')}>
                <Typography.Text type="warning" data-testid={`job-reason-${job.id}`}>
                  {t('delivery.reasons.outboxMissing')}
                </Typography.Text>
              </Tooltip>
            );
          if (!job.targetEnabled) return <Typography.Text type="warning">{t('delivery.jobs.targetDisabledNote')}</Typography.Text>;
          if (!job.lastError) return null;
          return (
            <Tooltip title={job.lastErrorDetail}>
              <Typography.Text type="danger" data-testid={`job-reason-${job.id}`}>
                {t(`delivery.reasons.${job.lastError}`)}
              </Typography.Text>
            </Tooltip>
          );
        },
      }),
      // After 状态 and 原因, so a job that did not arrive says why without scrolling (the name has its tooltip).
      textColumn('fileName', t('delivery.jobs.fields.fileName'), { width: 240, tooltipField: 'fileName' }),
      textColumn('targetName', t('delivery.jobs.fields.targetName'), { width: 120 }),
      numberColumn('attempts', t('delivery.jobs.fields.attempts'), { width: 100 }),
      dateColumn('nextAttemptAt', t('delivery.jobs.fields.nextAttemptAt'), 'instant', { width: 150 }),
      numberColumn('rows', t('delivery.jobs.fields.rows'), { width: 90 }),
      numberColumn('bytes', t('delivery.jobs.fields.bytes'), { width: 100, valueFormatter: (p) => formatBytes(p.value as number), filter: false }),
      textColumn('userName', t('delivery.jobs.fields.userName'), { width: 100 }),
      textColumn('finalPath', t('delivery.jobs.fields.finalPath'), { width: 360, tooltipField: 'finalPath' }),
      dateColumn('deliveredAt', t('delivery.jobs.fields.deliveredAt'), 'instant', { width: 150 }),
      {
        headerName: t('common.actions'),
        width: 270,
        pinned: 'right',
        sortable: false,
        cellRenderer: (p: { data?: JobRow }) => {
          const job = p.data;
          if (!job) return null;
          return (
            <Space size={0}>
              {open(job) && job.targetEnabled && (
                <Button type="link" size="small" loading={retrying === job.id} onClick={() => void retry(job)} data-testid={`retry-job-${job.id}`}>
                  {t('delivery.jobs.retry')}
                </Button>
              )}
              {open(job) && (
                <Button type="link" size="small" onClick={() => setRedirecting(job)} data-testid={`redirect-job-${job.id}`}>
                  {t('delivery.jobs.redirect')}
                </Button>
              )}
              {open(job) && mayAbandon && (
                <Button type="link" size="small" danger onClick={() => setAbandoning(job)} data-testid={`abandon-job-${job.id}`}>
                  {t('delivery.jobs.abandon')}
                </Button>
              )}
              <Button type="link" size="small" onClick={() => setShowing(job)} data-testid={`attempts-job-${job.id}`}>
                {t('delivery.jobs.attempts')}
              </Button>
            </Space>
          );
        },
      },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `retry` only sets state and calls the backend
    [t, retrying, mayAbandon],
  );

  return (
    <>
      <GridPage
        title={t('delivery.jobs.title')}
        help={t('delivery.jobs.help')}
        searchPlaceholder={t('delivery.jobs.searchPlaceholder')}
        onSearch={setSearch}
        filters={
          <Segmented<JobStateView>
            value={view}
            onChange={setView}
            options={JOB_STATE_VIEWS.map((s) => ({ value: s, label: t(`delivery.jobs.stateFilter.${s}`) }))}
            data-testid="job-state-filter"
          />
        }
        rowCount={count}
      >
        <ServerGrid<JobRow>
          gridKey="grid.deliveryJobs"
          channel="delivery.jobs.query"
          columnDefs={columns}
          quickSearch={search}
          fixedFilter={fixedFilter}
          refreshOn="deliveryJobs"
          onRowCountChange={setCount}
          onRowDoubleClicked={setShowing}
          handleRef={grid}
          testId="job-grid"
        />
      </GridPage>
      {redirecting && (
        <RedirectModal
          job={redirecting}
          onClose={() => setRedirecting(null)}
          onDone={(row) => {
            setRedirecting(null);
            if (row.state === 'delivered') void message.success(t('delivery.jobs.retried', { fileName: row.fileName }));
            else void message.warning(t('delivery.jobs.retryFailed', { fileName: row.fileName, reason: t(`delivery.reasons.${row.lastError ?? 'failed'}`) }));
            grid.current?.refresh();
          }}
        />
      )}
      {abandoning && (
        <AbandonModal
          job={abandoning}
          onClose={() => setAbandoning(null)}
          onDone={(row) => {
            setAbandoning(null);
            void message.success(t('delivery.jobs.abandoned', { fileName: row.fileName }));
            grid.current?.refresh();
          }}
        />
      )}
      {showing && <AttemptsDrawer job={showing} onClose={() => setShowing(null)} />}
    </>
  );
}
