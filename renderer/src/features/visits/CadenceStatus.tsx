import { useEffect, useState } from 'react';
import { Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CustomerCadence } from '@shared/schemas/visits';
import { call, onEvent } from '../../api/client';

/** Where a customer stands against its class's contact cadence: last contact and visit, when the next are due. */
export function CadenceStatus({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const [c, setC] = useState<CustomerCadence | null>(null);
  useEffect(() => {
    const load = () => void call('cadence.customer', { customerId }).then(setC).catch(() => setC(null));
    load();
    return onEvent('data.changed', (e) => (e.entity === 'visit' || e.entity === 'customer') && load());
  }, [customerId]);
  if (!c) return null;
  const due = (date: string, overdue: boolean) => (
    <span>
      {date} <Tag color={overdue ? 'red' : 'green'}>{t(overdue ? 'visits.cadence.overdue' : 'visits.cadence.onTime')}</Tag>
    </span>
  );
  const fromRegistration = t('visits.cadence.fromRegistration', { date: c.baselineOn });
  return (
    <Descriptions size="small" column={4} data-testid="cadence-status" style={{ marginBottom: 8 }}>
      <Descriptions.Item label={t('visits.cadence.lastContact')}>{c.lastContactOn ?? `${t('visits.cadence.never')}${fromRegistration}`}</Descriptions.Item>
      <Descriptions.Item label={t('visits.cadence.nextPhone')}>{due(c.nextPhoneDue, c.phoneOverdue)}</Descriptions.Item>
      <Descriptions.Item label={t('visits.cadence.lastVisit')}>{c.lastVisitOn ?? t('visits.cadence.neverVisited')}</Descriptions.Item>
      <Descriptions.Item label={t('visits.cadence.nextVisit')}>{due(c.nextVisitDue, c.visitOverdue)}</Descriptions.Item>
    </Descriptions>
  );
}
