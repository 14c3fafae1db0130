import { useCallback, useEffect, useState } from 'react';
import { App } from 'antd';
import type { ColDef } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import type { AccessRequestRow } from '@shared/schemas/access';
import { call } from '../../api/client';
import { accessRequestColumns } from './accessColumns';
import { DecisionGrid, type ApprovalTabProps } from './DecisionGrid';
import { ApproveAccessModal } from './DecisionModals';

const GRID = {
  gridKey: 'grid.accessApprovals',
  channel: 'access.query',
  refreshOn: 'accessRequest',
  testId: 'access-approvals-grid',
} as const;
const BUTTON_IDS = { approve: 'approve-request', reject: 'reject-request' };

/** The supervisor's list of access requests, pending first by the page's filter; approve or reject a row. */
export function AccessApprovalsTab(props: ApprovalTabProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [defaults, setDefaults] = useState<{ defaultDays: number; maxDays: number } | null>(null);
  const [approving, setApproving] = useState<AccessRequestRow | null>(null);

  useEffect(() => {
    void call('access.defaults', {}).then(setDefaults);
  }, []);

  const columns = useCallback(
    (actions: ColDef<AccessRequestRow>) => accessRequestColumns(t, { who: true, actions }),
    [t],
  );

  return (
    <DecisionGrid<AccessRequestRow>
      {...props}
      grid={GRID}
      columns={columns}
      buttonIds={BUTTON_IDS}
      onApprove={setApproving}
      rejectSummary={(row) =>
        t('access.approvals.approveSummary', {
          requester: row.requesterName,
          customer: `${row.customerCode} ${row.customerName}`,
          reason: row.reason,
        })
      }
      reject={async (row, reason) => {
        await call('access.reject', { id: row.id, reason });
      }}
    >
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
    </DecisionGrid>
  );
}
