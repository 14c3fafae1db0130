import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import type { AccessStatus, OrderCycleStatus } from '@shared/schemas/access';

const ACCESS_COLOR: Record<AccessStatus, string> = {
  pending: 'gold',
  active: 'green',
  expired: 'default',
  rejected: 'red',
};
const ORDER_CYCLE_COLOR: Record<OrderCycleStatus, string> = {
  pending: 'gold',
  approved: 'green',
  rejected: 'red',
  superseded: 'default',
};

/** A request's status as a coloured tag: 待审批 gold, 有效 / 已批准 green, 已驳回 red, the rest grey. */
export function AccessStatusTag({ status, t }: { status: AccessStatus; t: TFunction }) {
  return (
    <Tag color={ACCESS_COLOR[status]} data-testid={`status-${status}`}>
      {t(`access.status.${status}`)}
    </Tag>
  );
}

export function OrderCycleStatusTag({ status, t }: { status: OrderCycleStatus; t: TFunction }) {
  return (
    <Tag color={ORDER_CYCLE_COLOR[status]} data-testid={`status-${status}`}>
      {t(`access.orderCycleStatus.${status}`)}
    </Tag>
  );
}
