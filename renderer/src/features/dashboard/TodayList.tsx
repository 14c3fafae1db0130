import { useEffect, useState } from 'react';
import { Alert, List, Typography } from 'antd';
import { ExclamationCircleOutlined, InfoCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TodayItem } from '@shared/schemas/today';
import { call, onEvent } from '../../api/client';
import { errorText } from '../../forms/zodRule';

const ICON = {
  info: <InfoCircleOutlined style={{ color: '#1677ff' }} />,
  warning: <WarningOutlined style={{ color: '#d48806' }} />,
  danger: <ExclamationCircleOutlined style={{ color: '#cf1322' }} />,
};

/** The dashboard's "today" list: what is due or overdue for this user, each line linking to where it is handled. */
export function TodayList() {
  const { t } = useTranslation();
  const [items, setItems] = useState<TodayItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const load = () =>
      call('dashboard.today', {})
        .then(setItems)
        .catch((err: unknown) => setError(errorText(err, t)));
    void load();
    return onEvent('data.changed', () => void load());
  }, [t]);

  if (error) return <Alert type="error" showIcon message={error} />;
  if (items && items.length === 0) return <Typography.Text type="secondary">{t('dashboard.nothingDue')}</Typography.Text>;
  return (
    <List
      size="small"
      loading={!items}
      dataSource={items ?? []}
      renderItem={(item) => {
        const text = t(item.text, { ...item.params, count: item.count });
        return (
          <List.Item data-testid={`today-${item.id}`}>
            <span>
              {ICON[item.level]} {item.route ? <Link to={item.route}>{text}</Link> : text}
            </span>
          </List.Item>
        );
      }}
    />
  );
}
