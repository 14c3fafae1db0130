import { useEffect, useState } from 'react';
import { Alert, Button, Card, Result, Spin, Tabs, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AccessCustomerView } from '@shared/schemas/access';
import { call } from '../../api/client';
import { errorText } from '../../forms/zodRule';
import { formatInstant } from '../../shell/format';
import { useLookups } from '../customers/useLookups';
import { CustomerProfile } from '../customers/CustomerProfile';
import { ContactsPanel } from '../customers/ContactsPanel';
import { HistoryPanel } from '../customers/HistoryPanel';

/**
 * A customer's archive as a grant holder of another department sees it: read-only record, contacts and change
 * history, through the access channels (each opening is logged); nothing here can change it.
 */
export function GrantedCustomerPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const lookups = useLookups();
  const [view, setView] = useState<AccessCustomerView | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    call('access.viewCustomer', { customerId: Number(id) })
      .then(setView)
      .catch((err: unknown) => setError(errorText(err, t)));
  }, [id, t]);

  const back = () => void navigate('/access/requests');
  if (error)
    return (
      <Result
        status="403"
        title={error}
        extra={<Button onClick={back}>{t('access.view.back')}</Button>}
        data-testid="grant-refused"
      />
    );
  if (!view || !lookups) return <Spin />;
  const c = view.customer;

  return (
    <div className="page" data-testid="granted-customer">
      <div className="page-header">
        <div className="detail-header">
          <Button
            type="text"
            icon={<ArrowLeftOutlined />}
            onClick={back}
            aria-label={t('access.view.back')}
          />
          <Typography.Title level={4} className="page-title" data-testid="customer-name">
            {c.name}
          </Typography.Title>
          <span className="detail-code">{c.code}</span>
          <Tag color={c.abcClass === 'A' ? 'red' : c.abcClass === 'B' ? 'blue' : 'default'}>
            {t(`enums.abcClass.${c.abcClass}`)}
          </Tag>
          <Tag color={c.status === 'active' ? 'green' : 'default'}>{t(`enums.status.${c.status}`)}</Tag>
          <Tag>{t('access.view.title')}</Tag>
        </div>
      </div>
      <Alert
        type="info"
        showIcon
        message={t('access.view.notice', { at: formatInstant(view.expiresAt) })}
        data-testid="grant-notice"
      />
      <Card size="small">
        <Tabs
          items={[
            {
              key: 'profile',
              label: t('customers.tabs.profile'),
              children: <CustomerProfile customer={c} lookups={lookups} t={t} />,
            },
            {
              key: 'contacts',
              label: `${t('customers.tabs.contacts')} (${view.contacts.length})`,
              children: (
                <ContactsPanel
                  customerId={c.id}
                  contacts={view.contacts}
                  editable={false}
                  onChanged={() => undefined}
                />
              ),
            },
            {
              key: 'history',
              label: t('customers.tabs.history'),
              children: (
                <HistoryPanel
                  customerId={c.id}
                  customerCode={c.code}
                  lookups={lookups}
                  channel="access.viewHistory"
                />
              ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
