import { useEffect, useMemo, useRef, useState } from 'react';
import { App, Button } from 'antd';
import { FolderOpenOutlined, PlusOutlined } from '@ant-design/icons';
import type { ColDef } from 'ag-grid-community';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AccessRequestRow } from '@shared/schemas/access';
import { call } from '../../api/client';
import { ServerGrid, type ServerGridHandle } from '../../grid/ServerGrid';
import { GridPage } from '../../grid/GridPage';
import { accessRequestColumns } from './accessColumns';
import { NewRequestModal } from './NewRequestModal';

/** 访问申请: the requester's own requests, a new request, and the archive of a customer while its grant runs. */
export function AccessRequestsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const grid = useRef<ServerGridHandle | null>(null);
  const [search, setSearch] = useState('');
  const [count, setCount] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const [defaults, setDefaults] = useState<{ defaultDays: number; maxDays: number } | null>(null);

  useEffect(() => {
    void call('access.defaults', {}).then(setDefaults);
  }, []);

  const columns = useMemo(() => {
    const open: ColDef<AccessRequestRow> = {
      headerName: t('common.actions'),
      width: 120,
      sortable: false,
      pinned: 'right',
      cellRenderer: (p: { data?: AccessRequestRow }) =>
        p.data?.status === 'active' ? (
          <Button
            type="link"
            size="small"
            icon={<FolderOpenOutlined />}
            onClick={() => void navigate(`/access/requests/customer/${p.data!.customerId}`)}
            data-testid="open-archive"
          >
            {t('access.requests.open')}
          </Button>
        ) : null,
    };
    return accessRequestColumns(t, { who: false, actions: open });
  }, [t, navigate]);

  return (
    <>
      <GridPage
        title={t('access.requests.title')}
        help={t('access.requests.help')}
        actions={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            disabled={!defaults}
            data-testid="new-request"
          >
            {t('access.requests.new')}
          </Button>
        }
        searchPlaceholder={t('access.requests.search')}
        onSearch={setSearch}
        rowCount={count}
      >
        <ServerGrid<AccessRequestRow>
          gridKey="grid.accessMine"
          channel="access.mine"
          columnDefs={columns}
          quickSearch={search}
          refreshOn="accessRequest"
          onRowCountChange={setCount}
          onRowDoubleClicked={(row) =>
            row.status === 'active' && void navigate(`/access/requests/customer/${row.customerId}`)
          }
          handleRef={grid}
          testId="access-mine-grid"
        />
      </GridPage>
      {creating && defaults && (
        <NewRequestModal
          defaults={defaults}
          onClose={() => setCreating(false)}
          onSaved={() => {
            setCreating(false);
            void message.success(t('access.form.submitted'));
            grid.current?.refresh();
          }}
        />
      )}
    </>
  );
}
