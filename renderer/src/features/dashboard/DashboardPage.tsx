import { useEffect, useState } from 'react';
import { Alert, Card, Col, List, Row, Statistic, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { DashboardSummary } from '@shared/schemas/dashboard';
import { classDistribution } from '@shared/reports/classDistribution';
import { call, onEvent } from '../../api/client';
import { errorText } from '../../forms/zodRule';
import { useAuth } from '../../auth/AuthContext';
import { formatInstant } from '../../shell/format';
import { ClassChart } from './ClassChart';
import { TodayList } from './TodayList';
import { changeFieldLabel, changeValueText } from '../customers/historyText';

export function DashboardPage() {
  const { t } = useTranslation();
  const { user, can } = useAuth();
  const [summary, setSummary] = useState<DashboardSummary | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const load = () =>
      call('dashboard.summary', {})
        .then(setSummary)
        .catch((err: unknown) => setError(errorText(err, t)));
    void load();
    return onEvent('data.changed', () => void load());
  }, [t]);

  const c = summary?.customers;
  return (
    <div className="page" data-testid="dashboard">
      <Typography.Title level={4} className="page-title">
        {t('dashboard.greeting', { name: user.displayName })}
      </Typography.Title>
      {error && <Alert type="error" showIcon message={error} />}
      {can('customers.read') && (
        <>
          <Row gutter={12} className="stat-cards">
            <Col span={6}>
              <Card size="small">
                <Statistic title={t('dashboard.totalCustomers')} value={c?.total ?? 0} loading={!summary} data-testid="stat-total" />
              </Card>
            </Col>
            <Col span={6}>
              <Card size="small">
                <Statistic title={t('dashboard.keyCustomers')} value={c?.keyCustomers ?? 0} loading={!summary} />
              </Card>
            </Col>
            <Col span={6}>
              <Card size="small">
                <Statistic title={t('dashboard.newThisMonth')} value={c?.newThisMonth ?? 0} loading={!summary} />
              </Card>
            </Col>
            <Col span={6}>
              <Card size="small">
                <Statistic
                  title={t('dashboard.lateUpdates')}
                  value={summary?.lateUpdates ?? 0}
                  loading={!summary}
                  valueStyle={summary?.lateUpdates ? { color: '#cf1322' } : undefined}
                />
              </Card>
            </Col>
          </Row>
          <Row gutter={12}>
            <Col span={10}>
              <Card size="small" title={t('dashboard.today')} style={{ height: '100%' }}>
                <TodayList />
              </Card>
            </Col>
            <Col span={14}>
              <Card size="small" title={t('dashboard.byClass')}>
                {summary && <ClassChart shares={classDistribution(summary.customers.byClass)} />}
              </Card>
            </Col>
          </Row>
          <Card size="small" title={t('dashboard.recentChanges')}>
            <List
              size="small"
              locale={{ emptyText: t('dashboard.noChanges') }}
              dataSource={summary?.recentChanges ?? []}
              renderItem={(ch) => (
                <List.Item data-testid="recent-change">
                  <span style={{ width: 130, color: '#8c8c8c' }}>{formatInstant(ch.changedAt)}</span>
                  <Link to={`/customers/${ch.customerId}`} style={{ flex: 1 }}>
                    {ch.customerName}
                  </Link>
                  <span style={{ width: 260 }}>
                    {t('common.labelValue', { label: changeFieldLabel(t, ch.entity, ch.field), value: changeValueText(t, ch.field, ch.newValue) })}
                  </span>
                  <span style={{ width: 90 }}>{ch.userName}</span>
                  <span style={{ width: 80 }}>{ch.late && <Tag color="red">{t('customers.lateUpdate')}</Tag>}</span>
                </List.Item>
              )}
            />
          </Card>
        </>
      )}
      {/* Other departments (库管, 积分专员, 评审员) see no archive figures, but their own "today" lines (e.g. access grants). */}
      {!can('customers.read') && (
        <Card size="small" title={t('dashboard.today')}>
          <TodayList />
        </Card>
      )}
    </div>
  );
}
