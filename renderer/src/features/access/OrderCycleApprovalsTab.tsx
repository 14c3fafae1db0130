import { useCallback } from 'react';
import { App } from 'antd';
import type { ColDef } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import type { OrderCycleRow } from '@shared/schemas/access';
import { call } from '../../api/client';
import { errorText } from '../../forms/zodRule';
import { orderCycleColumns } from './accessColumns';
import { DecisionGrid, type ApprovalTabProps } from './DecisionGrid';

const GRID = {
  gridKey: 'grid.orderCycleApprovals',
  channel: 'orderCycle.query',
  refreshOn: 'orderCycleRequest',
  testId: 'order-cycle-grid',
} as const;
const BUTTON_IDS = { approve: 'approve-order-cycle', reject: 'reject-order-cycle' };

/** 订货周期变更: clerks' changes waiting for a supervisor; approving applies the value at once. */
export function OrderCycleApprovalsTab(props: ApprovalTabProps) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  /** The change in one line (customer, from, to, who asked): the approve confirm and the reject dialog both show it. */
  const summary = useCallback(
    (row: OrderCycleRow) =>
      t('access.approvals.orderCycleApproveBody', {
        customer: `${row.customerCode} ${row.customerName}`,
        from: row.oldValue ?? t('common.notSet'),
        to: row.newValue ?? t('common.notSet'),
        by: row.requesterName,
      }),
    [t],
  );
  const approve = useCallback(
    (row: OrderCycleRow) =>
      void modal.confirm({
        title: t('access.approvals.orderCycleApproveTitle'),
        content: summary(row),
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
      }),
    [t, modal, message, summary],
  );
  const columns = useCallback((actions: ColDef<OrderCycleRow>) => orderCycleColumns(t, actions), [t]);

  return (
    <DecisionGrid<OrderCycleRow>
      {...props}
      grid={GRID}
      columns={columns}
      buttonIds={BUTTON_IDS}
      onApprove={approve}
      rejectSummary={summary}
      reject={async (row, reason) => {
        await call('orderCycle.reject', { id: row.id, reason });
      }}
    />
  );
}
