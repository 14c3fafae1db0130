import { useEffect, useState } from 'react';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrderCycleRow } from '@shared/schemas/access';
import { call, onEvent } from '../../api/client';
import { formatInstant } from '../../shell/format';

/** On a customer's page: "订货周期变更待审批" while a clerk's change waits for a supervisor. */
export function PendingOrderCycleNotice({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const [pending, setPending] = useState<OrderCycleRow | null>(null);

  useEffect(() => {
    let live = true;
    const load = () =>
      call('orderCycle.pending', { customerId })
        .then((row) => live && setPending(row))
        .catch(() => live && setPending(null));
    void load();
    const off = onEvent(
      'data.changed',
      (e) => (e.entity === 'orderCycleRequest' || e.entity === 'customer') && void load(),
    );
    return () => {
      live = false;
      off();
    };
  }, [customerId]);

  if (!pending) return null;
  const dash = t('common.notSet');
  return (
    <Alert
      type="info"
      showIcon
      data-testid="order-cycle-pending"
      message={t('access.orderCycle.pendingNotice', {
        from: pending.oldValue ?? dash,
        to: pending.newValue ?? dash,
        by: pending.requesterName,
        at: formatInstant(pending.requestedAt),
      })}
    />
  );
}
