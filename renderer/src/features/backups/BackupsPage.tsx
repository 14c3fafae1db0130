import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { App, Button, Card, Descriptions, Input, Tag, Tooltip, Typography } from 'antd';
import { CloudUploadOutlined, RollbackOutlined } from '@ant-design/icons';
import type { ColDef } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import {
  BACKUP_CHECKS,
  BACKUP_KINDS,
  BACKUP_PRESENCE,
  type BackupOverview,
  type BackupRow,
} from '@shared/schemas/backups';
import { call, onEvent } from '../../api/client';
import { errorText } from '../../forms/zodRule';
import { ServerGrid, type ServerGridHandle } from '../../grid/ServerGrid';
import { dateColumn, numberColumn, setColumn, textColumn } from '../../grid/columns';
import { formatInstant } from '../../shell/format';
import { formatSeconds, formatSize } from './format';
import { RunBackupModal } from './RunBackupModal';
import { RestoreModal } from './RestoreModal';

const CHECK_COLOR = { good: 'green', bad: 'red', unchecked: 'default' } as const;

/**
 * 备份与恢复 (admin): the backup log as a grid, 立即备份 with progress, and restoring a chosen copy. The daily and exit
 * backups run by themselves; this page is where the admin sees them and acts.
 */
export function BackupsPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const grid = useRef<ServerGridHandle | null>(null);
  const [overview, setOverview] = useState<BackupOverview | null>(null);
  const [search, setSearch] = useState('');
  const [count, setCount] = useState<number | null>(null);
  const [running, setRunning] = useState(false);
  const [restoring, setRestoring] = useState<BackupRow | null>(null);

  const load = useCallback(() => {
    call('backups.overview', {})
      .then(setOverview)
      .catch((err: unknown) => void message.error(errorText(err, t)));
  }, [message, t]);
  useEffect(load, [load]);
  // A daily backup made meanwhile shows up without a reload.
  useEffect(() => onEvent('data.changed', (e) => e.entity === 'backup' && load()), [load]);

  const columns = useMemo<ColDef<BackupRow>[]>(
    () => [
      dateColumn('at', t('backups.fields.at'), 'instant', { width: 150 }),
      setColumn(
        'kind',
        t('backups.fields.kind'),
        BACKUP_KINDS.map((k) => ({ value: k, label: t(`backups.kinds.${k}`) })),
        { width: 120 },
      ),
      setColumn(
        'check',
        t('backups.fields.check'),
        BACKUP_CHECKS.map((c) => ({ value: c, label: t(`backups.checks.${c}`) })),
        {
          width: 100,
          cellRenderer: (p: { value?: BackupRow['check']; data?: BackupRow }) =>
            p.value ? (
              <Tooltip title={p.data?.detail ?? undefined}>
                <Tag color={CHECK_COLOR[p.value]} bordered={false}>
                  {t(`backups.checks.${p.value}`)}
                </Tag>
              </Tooltip>
            ) : null,
        },
      ),
      setColumn(
        'presence',
        t('backups.fields.presence'),
        BACKUP_PRESENCE.map((c) => ({ value: c, label: t(`backups.presences.${c}`) })),
        { width: 150 },
      ),
      numberColumn('size', t('backups.fields.size'), {
        width: 110,
        valueFormatter: (p) => (p.value == null ? '' : formatSize(p.value as number, i18n.language)),
      }),
      numberColumn('durationMs', t('backups.fields.durationMs'), {
        width: 100,
        valueFormatter: (p) =>
          p.value == null
            ? ''
            : t('backups.seconds', { value: formatSeconds(p.value as number, i18n.language) }),
      }),
      textColumn('id', t('backups.fields.id'), { flex: 1, minWidth: 260 }),
      {
        headerName: t('common.actions'),
        width: 110,
        sortable: false,
        cellRenderer: (p: { data?: BackupRow }) =>
          p.data?.restorable ? (
            <Button
              type="link"
              size="small"
              icon={<RollbackOutlined />}
              onClick={() => setRestoring(p.data!)}
              data-testid={`restore-${p.data.id}`}
            >
              {t('backups.restoreRow')}
            </Button>
          ) : null,
      },
    ],
    [t, i18n.language],
  );

  const refresh = () => {
    load();
    grid.current?.refresh();
  };

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <Typography.Title level={4} className="page-title">
            {t('backups.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('backups.help')}</Typography.Text>
        </div>
        <div className="toolbar">
          <Button
            type="primary"
            icon={<CloudUploadOutlined />}
            loading={running}
            disabled={overview?.running != null}
            onClick={() => setRunning(true)}
            data-testid="backup-now"
          >
            {t('backups.runNow')}
          </Button>
        </div>
      </div>
      {overview && (
        <Card size="small" data-testid="backup-overview">
          <Descriptions size="small" column={3}>
            <Descriptions.Item label={t('backups.lastGood')}>
              {overview.lastGood ? (
                <span data-testid="last-good">
                  {formatInstant(overview.lastGood.at)} · {t(`backups.kinds.${overview.lastGood.kind}`)} ·{' '}
                  {formatSize(overview.lastGood.size, i18n.language)}
                </span>
              ) : (
                <Typography.Text type="warning">{t('backups.noBackup')}</Typography.Text>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('backups.folder')}>
              <Typography.Text copyable ellipsis style={{ maxWidth: 360 }}>
                {overview.folder}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item>
              {overview.running ? (
                <Tag color="processing">{t(`backups.busy.${overview.running}`)}</Tag>
              ) : null}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Text type="secondary">
            {t('backups.retention', {
              daily: overview.settings.keepDaily,
              monthly: overview.settings.keepMonthly,
            })}
            {overview.target &&
              ` ${t('backups.sentTo', { name: overview.target.name })}${overview.target.enabled ? '' : t('backups.targetDisabled')}`}
          </Typography.Text>
        </Card>
      )}
      <Card
        size="small"
        className="grid-card"
        styles={{ body: { display: 'flex', flexDirection: 'column', gap: 12, flex: 1, minHeight: 0 } }}
      >
        <div className="toolbar">
          <Input.Search
            allowClear
            placeholder={t('common.search')}
            style={{ width: 340 }}
            onSearch={(text) => setSearch(text.trim())}
            onChange={(e) => e.target.value === '' && setSearch('')}
            data-testid="quick-search"
          />
          <span className="toolbar-spacer" />
          <span className="row-count" data-testid="row-count">
            {count === null ? '' : t('grid.rowCount', { n: count.toLocaleString(i18n.language) })}
          </span>
        </div>
        <ServerGrid<BackupRow>
          gridKey="grid.backups"
          channel="backups.query"
          columnDefs={columns}
          quickSearch={search}
          refreshOn="backup"
          onRowCountChange={setCount}
          onRowDoubleClicked={(row) =>
            row.restorable ? setRestoring(row) : void message.info(t('backups.notRestorable'))
          }
          handleRef={grid}
          testId="backups-grid"
        />
      </Card>
      {running && (
        <RunBackupModal
          onClose={() => {
            setRunning(false);
            refresh();
          }}
        />
      )}
      {restoring && <RestoreModal backup={restoring} onClose={() => setRestoring(null)} />}
    </div>
  );
}
