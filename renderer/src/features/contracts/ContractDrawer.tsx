import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Descriptions, Drawer, Empty, Space, Spin, Table, Tag, Timeline, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { allowedActions, signBlockers } from '@shared/contractLifecycle';
import type { ContractDetail } from '@shared/schemas/contract';
import { call } from '../../api/client';
import { errorText } from '../../forms/zodRule';
import { useAuth } from '../../auth/AuthContext';
import { formatInstant } from '../../shell/format';
import { ContractActionModal, type ContractActionKind } from './ContractActionModal';
import { ContractForm, type ContractFormMode } from './ContractForm';
import { eventText, money, STATUS_COLOR, statusLabel } from './contractText';
import './contracts.css';

/**
 * One contract: its record, attachments and timeline (合同履历), with the lifecycle actions its state and the
 * user's permissions allow. Renewing opens the new contract.
 */
export function ContractDrawer({ id, onClose, showCustomerLink = true }: { id: number; onClose: () => void; showCustomerLink?: boolean }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [currentId, setCurrentId] = useState(id);
  const [detail, setDetail] = useState<ContractDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [action, setAction] = useState<ContractActionKind | null>(null);
  const [form, setForm] = useState<ContractFormMode | null>(null);

  const load = useCallback(() => {
    call('contracts.get', { id: currentId })
      .then((d) => {
        setDetail(d);
        setError(null);
      })
      .catch((err: unknown) => setError(errorText(err, t)));
  }, [currentId, t]);
  useEffect(load, [load]);

  const done = (d: ContractDetail) => {
    setAction(null);
    setForm(null);
    if (d.contract.id !== currentId) setCurrentId(d.contract.id);
    else setDetail(d);
  };

  const c = detail?.contract;
  const writable = Boolean(c && c.customerStatus === 'active' && can('customers.write'));
  const actions = c ? allowedActions(c) : [];
  const blockers = c && c.status === 'draft' ? signBlockers(c) : [];
  const f = (k: string) => t(`contracts.fields.${k}`);
  const dash = t('common.notSet');
  const v = (x: string | number | null | undefined) => (x === null || x === undefined || x === '' ? dash : x);

  return (
    <Drawer
      open
      width={920}
      onClose={onClose}
      destroyOnHidden
      title={
        c ? (
          <Space>
            <span data-testid="contract-title">{c.contractNo}</span>
            <Tag color={STATUS_COLOR[c.status]} data-testid="contract-status">
              {statusLabel(t, c)}
            </Tag>
            <Tag>{t(`contracts.types.${c.contractType}`)}</Tag>
            {c.isSpecial && <Tag color="gold">{f('isSpecial')}</Tag>}
          </Space>
        ) : (
          t('contracts.title')
        )
      }
      extra={
        c && (
          <Space wrap data-testid="contract-actions">
            {writable && (
              <Button onClick={() => setForm({ kind: 'edit', contract: c })} data-testid="contract-edit">
                {t('contracts.actions.edit')}
              </Button>
            )}
            {writable && actions.includes('countersign') && (
              <Button onClick={() => setAction('countersign')} data-testid="contract-countersign">
                {t('contracts.actions.countersign')}
              </Button>
            )}
            {c.customerStatus === 'active' && actions.includes('approve') && can('contracts.approveSpecial') && (
              <Button type="primary" onClick={() => setAction('approve')} data-testid="contract-approve">
                {t('contracts.actions.approve')}
              </Button>
            )}
            {writable && actions.includes('sign') && (
              <Button type="primary" onClick={() => setAction('sign')} data-testid="contract-sign">
                {t('contracts.actions.sign')}
              </Button>
            )}
            {writable && actions.includes('renew') && (
              <Button type="primary" onClick={() => setForm({ kind: 'renew', contract: c })} data-testid="contract-renew">
                {t('contracts.actions.renew')}
              </Button>
            )}
            {writable && actions.includes('terminate') && (
              <Button danger onClick={() => setAction('terminate')} data-testid="contract-terminate">
                {c.status === 'draft' ? t('contracts.actions.void') : t('contracts.actions.terminate')}
              </Button>
            )}
          </Space>
        )
      }
    >
      {error && <Alert type="error" showIcon message={error} />}
      {!c && !error && <Spin />}
      {c && detail && (
        <div data-testid="contract-detail">
          {blockers.length > 0 && writable && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              message={t('contracts.blockers.title')}
              description={blockers.map((b) => t(b)).join('；')}
              data-testid="contract-blockers"
            />
          )}
          <Descriptions size="small" bordered column={3} style={{ marginBottom: 16 }}>
            <Descriptions.Item label={f('title')} span={2}>
              {c.title}
            </Descriptions.Item>
            <Descriptions.Item label={f('amountFen')}>{money(c.amountFen, t)}</Descriptions.Item>
            <Descriptions.Item label={f('customerId')} span={2}>
              <Space>
                {`${c.customerCode} ${c.customerName}`}
                {showCustomerLink && (
                  <Button type="link" size="small" onClick={() => void navigate(`/customers/${c.customerId}`)}>
                    {t('contracts.openCustomer')}
                  </Button>
                )}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={f('status')}>{statusLabel(t, c)}</Descriptions.Item>
            <Descriptions.Item label={f('startOn')}>{c.startOn}</Descriptions.Item>
            <Descriptions.Item label={f('endOn')}>{v(c.endOn)}</Descriptions.Item>
            <Descriptions.Item label={f('signedOn')}>{v(c.signedOn)}</Descriptions.Item>
            <Descriptions.Item label={f('countersignedBy')} span={2}>
              {v(c.countersignedBy)}
            </Descriptions.Item>
            <Descriptions.Item label={f('countersignedOn')}>{v(c.countersignedOn)}</Descriptions.Item>
            {c.isSpecial && (
              <>
                <Descriptions.Item label={f('specialReason')} span={3}>
                  {v(c.specialReason)}
                </Descriptions.Item>
                <Descriptions.Item label={f('specialApprovedBy')}>{v(c.specialApprovedBy)}</Descriptions.Item>
                <Descriptions.Item label={f('specialApprovedAt')}>{c.specialApprovedAt ? formatInstant(c.specialApprovedAt) : dash}</Descriptions.Item>
                <Descriptions.Item label={f('specialApprovalNote')}>{v(c.specialApprovalNote)}</Descriptions.Item>
              </>
            )}
            {(c.renewsNo || c.renewedByNo) && (
              <>
                <Descriptions.Item label={f('renewsNo')}>
                  {c.renewsId ? <a onClick={() => setCurrentId(c.renewsId!)}>{c.renewsNo}</a> : dash}
                </Descriptions.Item>
                <Descriptions.Item label={f('renewedByNo')} span={2}>
                  {c.renewedById ? <a onClick={() => setCurrentId(c.renewedById!)}>{c.renewedByNo}</a> : dash}
                </Descriptions.Item>
              </>
            )}
            {c.terminatedOn && (
              <>
                <Descriptions.Item label={f('terminatedOn')}>{c.terminatedOn}</Descriptions.Item>
                <Descriptions.Item label={f('terminatedReason')} span={2}>
                  {v(c.terminatedReason)}
                </Descriptions.Item>
              </>
            )}
            <Descriptions.Item label={f('retainUntil')} span={3}>
              {c.retainUntil ? (
                <Typography.Text>
                  {c.retainUntil}
                  <Typography.Text type="secondary">{`（${t('contracts.help.retention')}）`}</Typography.Text>
                </Typography.Text>
              ) : (
                dash
              )}
            </Descriptions.Item>
            <Descriptions.Item label={f('notes')} span={3}>
              {v(c.notes)}
            </Descriptions.Item>
            <Descriptions.Item label={f('createdBy')}>{c.createdBy}</Descriptions.Item>
            <Descriptions.Item label={f('createdAt')}>{formatInstant(c.createdAt)}</Descriptions.Item>
            <Descriptions.Item label={f('updatedAt')}>{formatInstant(c.updatedAt)}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} className="form-section-title">
            {f('attachments')}
          </Typography.Title>
          <Table
            size="small"
            rowKey={(_, i) => String(i)}
            pagination={false}
            dataSource={c.attachments}
            locale={{ emptyText: t('contracts.attachment.none') }}
            style={{ marginBottom: 16 }}
            data-testid="contract-attachments"
            columns={[
              { title: '#', width: 48, render: (_v, _r, i) => i + 1 },
              { title: t('contracts.attachment.title'), dataIndex: 'title' },
              { title: t('contracts.attachment.pages'), dataIndex: 'pages', width: 80, align: 'right' },
              { title: t('contracts.attachment.notes'), dataIndex: 'notes', render: (x: string | null) => v(x) },
            ]}
          />
          <Typography.Title level={5} className="form-section-title">
            {t('contracts.events.title')}
          </Typography.Title>
          {detail.events.length === 0 ? (
            <Empty description={t('contracts.events.none')} />
          ) : (
            <Timeline
              className="contract-timeline"
              data-testid="contract-timeline"
              items={detail.events.map((e) => {
                const text = eventText(t, e);
                return {
                  key: e.id,
                  children: (
                    <span>
                      <Typography.Text type="secondary">{`${formatInstant(e.at)}\u3000${e.userName}\u3000`}</Typography.Text>
                      <Typography.Text strong>{text.action}</Typography.Text>
                      {text.detail && <Typography.Text>{`\u3000${text.detail}`}</Typography.Text>}
                    </span>
                  ),
                };
              })}
            />
          )}
        </div>
      )}
      {action && c && <ContractActionModal kind={action} contract={c} onClose={() => setAction(null)} onDone={done} />}
      {form && <ContractForm mode={form} onClose={() => setForm(null)} onSaved={done} />}
    </Drawer>
  );
}
