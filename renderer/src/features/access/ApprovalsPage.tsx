import { useState } from 'react';
import { Segmented, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { GridPage } from '../../grid/GridPage';
import { useAuth } from '../../auth/AuthContext';
import { AccessApprovalsTab } from './AccessApprovalsTab';
import { OrderCycleApprovalsTab } from './OrderCycleApprovalsTab';

type Tab = 'access' | 'orderCycle';

/** 访问审批: a supervisor's decisions — other departments' access requests and clerks' order-cycle changes. */
export function ApprovalsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const tabs = (
    [can('customers.approveAccess') && 'access', can('customers.approveOrderCycle') && 'orderCycle'] as const
  ).filter(Boolean) as Tab[];
  const tab: Tab = tabs.includes(params.get('tab') as Tab) ? (params.get('tab') as Tab) : tabs[0]!;
  const [search, setSearch] = useState('');
  const [pendingOnly, setPendingOnly] = useState(true);
  const [count, setCount] = useState<number | null>(null);

  return (
    <GridPage
      title={t('access.approvals.title')}
      help={t('access.approvals.help')}
      searchPlaceholder={t('access.approvals.search')}
      onSearch={setSearch}
      rowCount={count}
      filters={
        <>
          <Tabs
            activeKey={tab}
            onChange={(key) => {
              setCount(null);
              setParams({ tab: key }, { replace: true });
            }}
            items={tabs.map((key) => ({ key, label: t(`access.approvals.tabs.${key}`) }))}
            tabBarStyle={{ margin: 0 }}
            data-testid="approval-tabs"
          />
          <Segmented<'pending' | 'all'>
            value={pendingOnly ? 'pending' : 'all'}
            onChange={(v) => setPendingOnly(v === 'pending')}
            options={[
              { value: 'pending', label: t('access.approvals.pendingOnly') },
              { value: 'all', label: t('customers.statusFilter.all') },
            ]}
          />
        </>
      }
    >
      {tab === 'access' ? (
        <AccessApprovalsTab key="access" search={search} pendingOnly={pendingOnly} onRowCount={setCount} />
      ) : (
        <OrderCycleApprovalsTab
          key="orderCycle"
          search={search}
          pendingOnly={pendingOnly}
          onRowCount={setCount}
        />
      )}
    </GridPage>
  );
}
