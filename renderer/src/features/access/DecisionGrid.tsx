import { useMemo, useState, type ReactNode } from 'react';
import { App, Button, Space } from 'antd';
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import type { ColDef } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import type { ColumnFilter } from '@shared/grid';
import { ServerGrid, type GridChannel } from '../../grid/ServerGrid';
import { RejectModal } from './DecisionModals';

/** What every tab of 访问审批 is given by the page: its quick search, the 待审批 switch, where to report the count. */
export interface ApprovalTabProps {
  search: string;
  pendingOnly: boolean;
  onRowCount: (n: number) => void;
}

interface Props<Row extends { id: number; status: string }> extends ApprovalTabProps {
  grid: { gridKey: string; channel: GridChannel; refreshOn: string; testId: string };
  /** The tab's columns with the 批准 / 驳回 column given last. */
  columns: (actions: ColDef<Row>) => ColDef<Row>[];
  /** data-testid of the two row buttons, kept per tab so tests can tell the lists apart. */
  buttonIds: { approve: string; reject: string };
  /** 批准 differs per tab (a period dialog, a confirm); the tab opens its own. */
  onApprove: (row: Row) => void;
  /** The line the 驳回 dialog shows about the row, and the call that rejects it with the reason. */
  rejectSummary: (row: Row) => string;
  reject: (row: Row, reason: string) => Promise<void>;
  /** The tab's own approve dialog, when it has one. */
  children?: ReactNode;
}

/**
 * A supervisor's list of requests waiting for a decision: the server grid (pending only when the page says so),
 * 批准 / 驳回 on pending rows, and the reject dialog with its reason. The tabs give what they decide on.
 */
export function DecisionGrid<Row extends { id: number; status: string }>(props: Props<Row>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [rejecting, setRejecting] = useState<Row | null>(null);
  const { columns: makeColumns, buttonIds, onApprove, pendingOnly } = props;

  const columns = useMemo(() => {
    const actions: ColDef<Row> = {
      headerName: t('common.actions'),
      width: 180,
      sortable: false,
      pinned: 'right',
      cellRenderer: (p: { data?: Row }) =>
        p.data?.status === 'pending' ? (
          <Space size={0}>
            <Button
              type="link"
              size="small"
              icon={<CheckOutlined />}
              onClick={() => onApprove(p.data!)}
              data-testid={buttonIds.approve}
            >
              {t('access.approvals.approve')}
            </Button>
            <Button
              type="link"
              size="small"
              danger
              icon={<CloseOutlined />}
              onClick={() => setRejecting(p.data!)}
              data-testid={buttonIds.reject}
            >
              {t('access.approvals.reject')}
            </Button>
          </Space>
        ) : null,
    };
    return makeColumns(actions);
  }, [t, makeColumns, buttonIds, onApprove]);
  const fixedFilter = useMemo(
    (): Record<string, ColumnFilter> =>
      pendingOnly ? { status: { filterType: 'set', values: ['pending'] } } : {},
    [pendingOnly],
  );

  return (
    <>
      <ServerGrid<Row>
        gridKey={props.grid.gridKey}
        channel={props.grid.channel}
        columnDefs={columns}
        quickSearch={props.search}
        fixedFilter={fixedFilter}
        refreshOn={props.grid.refreshOn}
        onRowCountChange={props.onRowCount}
        testId={props.grid.testId}
      />
      {props.children}
      {rejecting && (
        <RejectModal
          title={t('access.approvals.rejectTitle')}
          summary={props.rejectSummary(rejecting)}
          reject={(reason) => props.reject(rejecting, reason)}
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
