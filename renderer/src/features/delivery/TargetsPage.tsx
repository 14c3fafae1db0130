import { useMemo, useRef, useState } from 'react';
import { App, Button, Popconfirm, Space } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import type { ColDef } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import { TARGET_STATES, type TargetRecord } from '@shared/schemas/delivery';
import { call } from '../../api/client';
import { errorText } from '../../forms/zodRule';
import { ServerGrid, type ServerGridHandle } from '../../grid/ServerGrid';
import { GridPage } from '../../grid/GridPage';
import { dateColumn, enumValues, numberColumn, setColumn, textColumn } from '../../grid/columns';
import { TargetForm } from './TargetForm';
import { formatBytes, TargetStateTag } from './stateTags';

/** 导出目标: the shared-drive folders reports go to, with their live state (admin only). */
export function TargetsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const grid = useRef<ServerGridHandle | null>(null);
  const [search, setSearch] = useState('');
  const [count, setCount] = useState<number | null>(null);
  const [editing, setEditing] = useState<TargetRecord | 'new' | null>(null);
  const [checking, setChecking] = useState<number | 'all' | null>(null);

  const check = async (id?: number) => {
    setChecking(id ?? 'all');
    try {
      const records = await call('delivery.targets.check', id === undefined ? {} : { id });
      if (id === undefined) void message.success(t('delivery.targets.checked', { count: records.length }));
      grid.current?.refresh();
    } catch (err) {
      void message.error(errorText(err, t));
    } finally {
      setChecking(null);
    }
  };

  /** Only a target nothing refers to is removed; the backend says what refers to it otherwise (disable it then). */
  const remove = async (target: TargetRecord) => {
    try {
      await call('delivery.targets.delete', { id: target.id });
      void message.success(t('delivery.targets.deleted', { name: target.name }));
      grid.current?.refresh();
    } catch (err) {
      void message.error(errorText(err, t), 8);
    }
  };

  const columns = useMemo<ColDef<TargetRecord>[]>(
    () => [
      textColumn('name', t('delivery.targets.fields.name'), { width: 140 }),
      setColumn('state', t('delivery.targets.fields.state'), TARGET_STATES.map((s) => ({ value: s, label: t(`delivery.states.${s}`) })), {
        width: 100,
        cellRenderer: (p: { data?: TargetRecord }) => p.data && <TargetStateTag state={p.data.state} detail={p.data.stateDetail} />,
      }),
      textColumn('folder', t('delivery.targets.fields.folder'), { width: 260, tooltipField: 'folder' }),
      textColumn('subFolder', t('delivery.targets.fields.subFolder'), { width: 170 }),
      setColumn('enabled', t('delivery.targets.fields.enabled'), enumValues(t, 'bool', ['true', 'false']), { width: 80 }),
      numberColumn('freeBytes', t('delivery.targets.fields.freeBytes'), { width: 110, valueFormatter: (p) => formatBytes(p.value as number | null), filter: false }),
      numberColumn('pendingJobs', t('delivery.targets.fields.pendingJobs'), { width: 90 }),
      dateColumn('checkedAt', t('delivery.targets.fields.checkedAt'), 'instant', { width: 150 }),
      {
        headerName: t('common.actions'),
        width: 170,
        pinned: 'right',
        sortable: false,
        cellRenderer: (p: { data?: TargetRecord }) =>
          p.data && (
            <Space size={0}>
              <Button type="link" size="small" onClick={() => setEditing(p.data!)} data-testid={`edit-target-${p.data.id}`}>
                {t('common.edit')}
              </Button>
              <Button type="link" size="small" loading={checking === p.data.id} onClick={() => void check(p.data!.id)} data-testid={`check-target-${p.data.id}`}>
                {t('delivery.targets.check')}
              </Button>
              <Popconfirm
                title={t('delivery.targets.deleteConfirm', { name: p.data.name })}
                okText={t('delivery.targets.delete')}
                okButtonProps={{ danger: true }}
                onConfirm={() => remove(p.data!)}
              >
                <Button type="link" size="small" danger data-testid={`delete-target-${p.data.id}`}>
                  {t('delivery.targets.delete')}
                </Button>
              </Popconfirm>
            </Space>
          ),
      },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `check` only sets state and calls the backend
    [t, checking],
  );

  return (
    <>
      <GridPage
        title={t('delivery.targets.title')}
        help={t('delivery.targets.help')}
        actions={
          <>
            <Button icon={<ReloadOutlined />} loading={checking === 'all'} onClick={() => void check()} data-testid="refresh-targets">
              {t('delivery.targets.refresh')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="new-target">
              {t('delivery.targets.new')}
            </Button>
          </>
        }
        searchPlaceholder={t('delivery.targets.searchPlaceholder')}
        onSearch={setSearch}
        rowCount={count}
      >
        <ServerGrid<TargetRecord>
          gridKey="grid.deliveryTargets"
          channel="delivery.targets.query"
          columnDefs={columns}
          quickSearch={search}
          refreshOn="deliveryTargets"
          onRowCountChange={setCount}
          onRowDoubleClicked={setEditing}
          handleRef={grid}
          testId="target-grid"
        />
      </GridPage>
      {editing && (
        <TargetForm
          target={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            if (saved.state === 'ok') void message.success(t('delivery.targets.saved', { name: saved.name }));
            else void message.warning(t('delivery.targets.savedWithState', { name: saved.name, state: t(`delivery.states.${saved.state}`), detail: saved.stateDetail ?? '' }), 8);
            grid.current?.refresh();
          }}
        />
      )}
    </>
  );
}
