import { useMemo, useState } from 'react';
import { App, Button, Space } from 'antd';
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import type { ColDef } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import type { ColumnFilter } from '@shared/grid';
import type { OrderCycleRow } from '@shared/schemas/access';
import { call } from '../../api/client';
import { errorText } from '../../forms/zodRule';
import { ServerGrid } from '../../grid/ServerGrid';
import { orderCycleColumns } from './accessColumns';
import { RejectModal } from './DecisionModals';

/** 订货周期变更: clerks' changes waiting for a supervisor; approving applies the value at once. */
export function OrderCycleApprovalsTab({
  search,
  pendingOnly,
  onRowCount,
}: {
  search: string;
  pendingOnly: boolean;
  onRowCount: (n: number) => void;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [rejecting, setRejecting] = useState<OrderCycleRow | null>(null);

  const columns = useMemo(() => {
    const dash = t('common.notSet');
    const approve = (row: OrderCycleRow) =>
      modal.confirm({
        title: t('access.approvals.orderCycleApproveTitle'),
        content: t('access.approvals.orderCycleApproveBody', {
          customer: `${row.customerCode} ${row.customerName}`,
          from: row.oldValue ?? dash,
          to: row.newValue ?? dash,
          by: row.requesterName,
        }),
        okText: t('access.approvals.approve'),
        okButtonProps: { 'data-testid': 'confirm-approve' } as never,
        onOk: async () => {
          try {
            await call('orderCycle.approve', { id: row.id });
            void message.success(t('access.approvals.approved'));
          } catch (err) {
            void message.error(errorText(err, t));
          }
        },
      });
    const actions: ColDef<OrderCycleRow> = {
      headerName: t('common.actions'),
      width: 180,
      sortable: false,
      pinned: 'right',
      cellRenderer: (p: { data?: OrderCycleRow }) =>
        p.data?.status === 'pending' ? (
          <Space size={0}>
            <Button
              type="link"
              size="small"
              icon={<CheckOutlined />}
              onClick={() => approve(p.data!)}
              data-testid="approve-order-cycle"
            >
              {t('access.approvals.approve')}
            </Button>
            <Button
              type="link"
              size="small"
              danger
              icon={<CloseOutlined />}
              onClick={() => setRejecting(p.data!)}
              data-testid="reject-order-cycle"
            >
              {t('access.approvals.reject')}
            </Button>
          </Space>
        ) : null,
    };
    return orderCycleColumns(t, actions);
  }, [t, modal, message]);
  const fixedFilter = useMemo(
    (): Record<string, ColumnFilter> =>
      pendingOnly ? { status: { filterType: 'set', values: ['pending'] } } : {},
    [pendingOnly],
  );

  return (
    <>
      <ServerGrid<OrderCycleRow>
        gridKey="grid.orderCycleApprovals"
        channel="orderCycle.query"
        columnDefs={columns}
        quickSearch={search}
        fixedFilter={fixedFilter}
        refreshOn="orderCycleRequest"
        onRowCountChange={onRowCount}
        testId="order-cycle-grid"
      />
      {rejecting && (
        <RejectModal
          title={t('access.approvals.rejectTitle')}
          summary={t('access.approvals.orderCycleApproveBody', {
            customer: `${rejecting.customerCode} ${rejecting.customerName}`,
            from: rejecting.oldValue ?? t('common.notSet'),
            to: rejecting.newValue ?? t('common.notSet'),
            by: rejecting.requesterName,
          })}
          reject={async (reason) => {
            await call('orderCycle.reject', { id: rejecting.id, reason });
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
