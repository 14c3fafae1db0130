import { useEffect, useMemo, useState } from 'react';
import { App, Button, Space } from 'antd';
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import type { ColDef } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import type { ColumnFilter } from '@shared/grid';
import type { AccessRequestRow } from '@shared/schemas/access';
import { call } from '../../api/client';
import { ServerGrid } from '../../grid/ServerGrid';
import { accessRequestColumns } from './accessColumns';
import { ApproveAccessModal, RejectModal } from './DecisionModals';

/** The supervisor's list of access requests, pending first by the page's filter; approve or reject a row. */
export function AccessApprovalsTab({
  search,
  pendingOnly,
  onRowCount,
}: {
  search: string;
  pendingOnly: boolean;
  onRowCount: (n: number) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [defaults, setDefaults] = useState<{ defaultDays: number; maxDays: number } | null>(null);
  const [approving, setApproving] = useState<AccessRequestRow | null>(null);
  const [rejecting, setRejecting] = useState<AccessRequestRow | null>(null);

  useEffect(() => {
    void call('access.defaults', {}).then(setDefaults);
  }, []);

  const columns = useMemo(() => {
    const actions: ColDef<AccessRequestRow> = {
      headerName: t('common.actions'),
      width: 180,
      sortable: false,
      pinned: 'right',
      cellRenderer: (p: { data?: AccessRequestRow }) =>
        p.data?.status === 'pending' ? (
          <Space size={0}>
            <Button
              type="link"
              size="small"
              icon={<CheckOutlined />}
              onClick={() => setApproving(p.data!)}
              data-testid="approve-request"
            >
              {t('access.approvals.approve')}
            </Button>
            <Button
              type="link"
              size="small"
              danger
              icon={<CloseOutlined />}
              onClick={() => setRejecting(p.data!)}
              data-testid="reject-request"
            >
              {t('access.approvals.reject')}
            </Button>
          </Space>
        ) : null,
    };
    return accessRequestColumns(t, { who: true, actions });
  }, [t]);
  const fixedFilter = useMemo(
    (): Record<string, ColumnFilter> =>
      pendingOnly ? { status: { filterType: 'set', values: ['pending'] } } : {},
    [pendingOnly],
  );

  return (
    <>
      <ServerGrid<AccessRequestRow>
        gridKey="grid.accessApprovals"
        channel="access.query"
        columnDefs={columns}
        quickSearch={search}
        fixedFilter={fixedFilter}
        refreshOn="accessRequest"
        onRowCountChange={onRowCount}
        testId="access-approvals-grid"
      />
      {approving && defaults && (
        <ApproveAccessModal
          request={approving}
          defaults={defaults}
          onClose={() => setApproving(null)}
          onDone={() => {
            setApproving(null);
            void message.success(t('access.approvals.approved'));
          }}
        />
      )}
      {rejecting && (
        <RejectModal
          title={t('access.approvals.rejectTitle')}
          summary={t('access.approvals.approveSummary', {
            requester: rejecting.requesterName,
            customer: `${rejecting.customerCode} ${rejecting.customerName}`,
            reason: rejecting.reason,
          })}
          reject={async (reason) => {
            await call('access.reject', { id: rejecting.id, reason });
          }}
          onClose={() => setRejecting(null)}
          onDone={() => {
            setRejecting(null);
            void message.success(t('access.approvals.rejected'));
          }}
        />
      )}
    </>
  );
}
