import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Card, Result, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, EditOutlined, InboxOutlined, MergeCellsOutlined, RollbackOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CustomerDetail } from '@shared/schemas/customer';
import { call, CallError } from '../../api/client';
import { errorText } from '../../forms/zodRule';
import { useAuth } from '../../auth/AuthContext';
import { useLookups } from './useLookups';
import { CustomerForm } from './CustomerForm';
import { CustomerProfile } from './CustomerProfile';
import { ContactsPanel } from './ContactsPanel';
import { HistoryPanel } from './HistoryPanel';
import { PrintButton } from '../../print/PrintButton';
import { ReasonModal } from './ReasonModal';
import { MergeModal } from './MergeModal';
import { PendingOrderCycleNotice } from '../access/PendingOrderCycleNotice';
import { CustomerContractsTab } from '../contracts/CustomerContractsTab';
import { ArchiveDocsPanel } from '../archiveDocs/ArchiveDocsPanel';
import { CustomerVisitsTab } from '../visits/CustomerVisitsTab';
import { CustomerComplaintsTab } from '../complaints/CustomerComplaintsTab';

export function CustomerDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const { can } = useAuth();
  const { message } = App.useApp();
  const lookups = useLookups();
  const [detail, setDetail] = useState<CustomerDetail | null>(null);
  const [error, setError] = useState<{ notFound: boolean; text: string } | null>(null);
  const [editing, setEditing] = useState(false);
  const [reasonFor, setReasonFor] = useState<'archive' | 'restore' | null>(null);
  const [merging, setMerging] = useState(false);

  const load = useCallback(() => {
    call('customers.get', { id: Number(id) })
      .then((d) => {
        setDetail(d);
        setError(null);
      })
      .catch((err: unknown) => setError({ notFound: err instanceof CallError && err.code === 'NOT_FOUND', text: errorText(err, t) }));
  }, [id, t]);
  useEffect(load, [load]);

  if (error) return <Result status={error.notFound ? '404' : 'error'} title={error.text} extra={<Button onClick={() => void navigate('/customers')}>{t('common.back')}</Button>} />;
  if (!detail || !lookups) return <Spin />;
  const c = detail.customer;
  const active = c.status === 'active';

  return (
    <div className="page">
      <div className="page-header">
        <div className="detail-header">
          <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => void navigate('/customers')} aria-label={t('common.back')} />
          <Typography.Title level={4} className="page-title" data-testid="customer-name">
            {c.name}
          </Typography.Title>
          <span className="detail-code">{c.code}</span>
          <Tag color={c.abcClass === 'A' ? 'red' : c.abcClass === 'B' ? 'blue' : 'default'}>{t(`enums.abcClass.${c.abcClass}`)}</Tag>
          {c.isKey && <Tag color="gold">{t('customers.fields.isKey')}</Tag>}
          <Tag color={active ? 'green' : 'default'} data-testid="customer-status">
            {t(`enums.status.${c.status}`)}
          </Tag>
        </div>
        <Space>
          <PrintButton sheet="customer-card" id={c.id} title={`${t('print.customerCard.title')}-${c.code}-${c.name}`} label={t('print.customerCard.button')} />
          {active && can('customers.write') && (
            <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="edit-customer">
              {t('common.edit')}
            </Button>
          )}
          {active && can('customers.archive') && (
            <Button danger icon={<InboxOutlined />} onClick={() => setReasonFor('archive')} data-testid="archive-customer">
              {t('customers.archive')}
            </Button>
          )}
          {active && can('customers.merge') && (
            <Button icon={<MergeCellsOutlined />} onClick={() => setMerging(true)} data-testid="merge-customer">
              {t('customers.merge.button')}
            </Button>
          )}
          {!active && c.mergedIntoId === null && can('customers.archive') && (
            <Button icon={<RollbackOutlined />} onClick={() => setReasonFor('restore')} data-testid="restore-customer">
              {t('customers.restore')}
            </Button>
          )}
        </Space>
      </div>
      {c.abcClass === 'A' && <Alert type="warning" showIcon message={t('customers.aClassNotice')} />}
      {c.mergedIntoId !== null && (
        <Alert
          type="info"
          showIcon
          data-testid="customer-merged-notice"
          message={t('customers.merge.mergedNotice', { into: c.mergedIntoLabel })}
          action={
            <Button size="small" onClick={() => void navigate(`/customers/${c.mergedIntoId}`)} data-testid="open-merged-into">
              {t('customers.merge.openMerged')}
            </Button>
          }
        />
      )}
      <PendingOrderCycleNotice customerId={c.id} />
      <Card size="small">
        <Tabs
          items={[
            { key: 'profile', label: t('customers.tabs.profile'), children: <CustomerProfile customer={c} lookups={lookups} t={t} /> },
            {
              key: 'contacts',
              label: `${t('customers.tabs.contacts')} (${detail.contacts.length})`,
              children: <ContactsPanel customerId={c.id} contacts={detail.contacts} editable={active && can('customers.write')} onChanged={load} />,
            },
            { key: 'visits', label: t('visits.tab'), children: <CustomerVisitsTab customer={c} editable={active && can('customers.write')} /> },
            { key: 'complaints', label: t('complaints.customerTab.title'), children: <CustomerComplaintsTab customer={c} editable={active} /> },
            { key: 'contracts', label: t('contracts.tab'), children: <CustomerContractsTab customer={c} editable={active && can('customers.write')} /> },
            { key: 'archiveDocs', label: t('archiveDocs.tab'), children: <ArchiveDocsPanel customer={c} editable={active && can('customers.write')} /> },
            { key: 'history', label: t('customers.tabs.history'), children: <HistoryPanel customerId={c.id} customerCode={c.code} lookups={lookups} /> },
          ]}
        />
      </Card>
      {editing && (
        <CustomerForm
          lookups={lookups}
          customer={c}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            load();
          }}
        />
      )}
      {merging && (
        <MergeModal
          keep={c}
          onClose={() => setMerging(false)}
          onMerged={(duplicate) => {
            setMerging(false);
            void message.success(t('customers.merge.done', { duplicate }));
            load();
          }}
        />
      )}
      {reasonFor && (
        <ReasonModal
          title={t(reasonFor === 'archive' ? 'customers.archiveTitle' : 'customers.restoreTitle', { name: c.name })}
          help={reasonFor === 'archive' ? t('customers.archiveHelp') : undefined}
          reasonLabel={t(reasonFor === 'archive' ? 'customers.archiveReason' : 'customers.restoreReason')}
          maxLength={500}
          okText={t(reasonFor === 'archive' ? 'customers.archive' : 'customers.restore')}
          danger={reasonFor === 'archive'}
          onClose={() => setReasonFor(null)}
          onSubmit={async (reason, receivedOn) => {
            await call(reasonFor === 'archive' ? 'customers.archive' : 'customers.restore', { id: c.id, version: c.version, reason, receivedOn });
            void message.success(t('common.saved'));
            load();
          }}
        />
      )}
    </div>
  );
}
