import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Descriptions, List, Modal, Spin, Tag, Typography } from 'antd';
import { EditOutlined, StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { VisitDetail, VisitRecord } from '@shared/schemas/visits';
import { call } from '../../api/client';
import { errorText } from '../../forms/zodRule';
import { useAuth } from '../../auth/AuthContext';
import { formatInstant } from '../../shell/format';
import type { StaffOption } from '../customers/useLookups';
import { VisitForm } from './VisitForm';
import { VoidVisitModal } from './VoidVisitModal';
import { visitChangeField, visitChangeValue } from './visitText';

/** One visit record in full, with its own change history; edit and void from here (never delete). */
export function VisitDetailModal({ visitId, staff, onClose, onChanged }: { visitId: number; staff: StaffOption[]; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [detail, setDetail] = useState<VisitDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [voiding, setVoiding] = useState(false);

  const load = useCallback(() => {
    call('visits.get', { id: visitId })
      .then(setDetail)
      .catch((err: unknown) => setError(errorText(err, t)));
  }, [visitId, t]);
  useEffect(load, [load]);

  const v = detail?.visit;
  const valid = v?.status === 'valid';
  const changed = (saved?: VisitRecord) => {
    if (saved) void message.success(t('common.saved'));
    load();
    onChanged();
  };

  return (
    <Modal
      open
      width={860}
      title={t('visits.detailTitle')}
      onCancel={onClose}
      footer={[
        ...(valid && can('customers.write')
          ? [
              <Button key="void" danger icon={<StopOutlined />} onClick={() => setVoiding(true)} data-testid="void-visit">
                {t('visits.void')}
              </Button>,
              <Button key="edit" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="edit-visit">
                {t('common.edit')}
              </Button>,
            ]
          : []),
        <Button key="close" type="primary" onClick={onClose}>
          {t('common.close')}
        </Button>,
      ]}
    >
      {error && <Alert type="error" showIcon message={error} />}
      {!v && !error && <Spin />}
      {v && (
        <div data-testid="visit-detail">
          {!valid && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              message={t('visits.voidedNote', { by: v.voidedBy ?? '', at: formatInstant(v.voidedAt), reason: v.voidedReason ?? '' })}
            />
          )}
          <Descriptions size="small" bordered column={2} labelStyle={{ width: 130 }}>
            <Descriptions.Item label={t('visits.customer')} span={2}>
              {v.customerCode} {v.customerName}
            </Descriptions.Item>
            <Descriptions.Item label={t('visits.fields.visitedOn')}>{v.visitedOn}</Descriptions.Item>
            <Descriptions.Item label={t('visits.fields.channel')}>
              <Tag color={v.channel === 'visit' ? 'blue' : 'default'}>{t(`visits.enums.channel.${v.channel}`)}</Tag>
              {v.significant && <Tag color="red">{t('visits.fields.significant')}</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label={t('visits.fields.staffName')}>{v.staffName}</Descriptions.Item>
            <Descriptions.Item label={t('visits.fields.contactName')}>
              {v.contactName}
              {v.contactTitle ? `（${v.contactTitle}）` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('visits.fields.purpose')} span={2}>
              {v.purpose}
            </Descriptions.Item>
            <Descriptions.Item label={t('visits.fields.content')} span={2}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{v.content}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('visits.fields.customerNeeds')} span={2}>
              {v.customerNeeds}
            </Descriptions.Item>
            <Descriptions.Item label={t('visits.fields.competitors')} span={2}>
              {v.competitors}
            </Descriptions.Item>
            <Descriptions.Item label={t('visits.fields.followUp')} span={2}>
              {v.followUp}
            </Descriptions.Item>
            <Descriptions.Item label={t('visits.fields.createdBy')}>{v.createdBy}</Descriptions.Item>
            <Descriptions.Item label={t('visits.fields.createdAt')}>{formatInstant(v.createdAt)}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('visits.changes')}
          </Typography.Title>
          <List
            size="small"
            locale={{ emptyText: t('visits.noChanges') }}
            dataSource={detail.changes}
            renderItem={(c) => (
              <List.Item data-testid="visit-change">
                <span style={{ width: 130, color: '#8c8c8c' }}>{formatInstant(c.changedAt)}</span>
                <span style={{ width: 80 }}>{c.userName}</span>
                <span style={{ width: 120 }}>{visitChangeField(t, c.field)}</span>
                <span style={{ flex: 1 }}>
                  {c.oldValue !== null && (
                    <>
                      <Typography.Text delete type="secondary">
                        {visitChangeValue(t, c.field, c.oldValue)}
                      </Typography.Text>{' '}
                      →{' '}
                    </>
                  )}
                  {visitChangeValue(t, c.field, c.newValue)}
                </span>
              </List.Item>
            )}
          />
        </div>
      )}
      {editing && v && (
        <VisitForm
          visit={v}
          staff={staff}
          onClose={() => setEditing(false)}
          onSaved={(saved) => {
            setEditing(false);
            changed(saved);
          }}
        />
      )}
      {voiding && v && (
        <VoidVisitModal
          visit={v}
          onClose={() => setVoiding(false)}
          onVoided={(saved) => {
            setVoiding(false);
            changed(saved);
          }}
        />
      )}
    </Modal>
  );
}
