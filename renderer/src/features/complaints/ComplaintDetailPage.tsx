import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Result, Space, Spin, Steps, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, CheckCircleOutlined, EditOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { COMPLAINT_STATUSES, SATISFACTION_ASPECTS, type ComplaintDetail } from '@shared/schemas/complaint';
import { call, CallError } from '../../api/client';
import { errorText } from '../../forms/zodRule';
import { useAuth } from '../../auth/AuthContext';
import { formatInstant } from '../../shell/format';
import { PrintButton } from '../../print/PrintButton';
import { DUE_COLOR, formatAverage, STATUS_COLOR } from './labels';
import { ComplaintTimeline } from './ComplaintTimeline';
import { ComplaintForm } from './ComplaintForm';
import { StepModal, type StepName } from './StepModal';
import './complaints.css';

/** The next step each status offers (closing is offered separately, from resolved on). */
const NEXT_STEP: Partial<Record<string, StepName>> = {
  received: 'verify',
  verified: 'startHandling',
  handling: 'resolve',
  resolved: 'recordFeedback',
};

/** One complaint: everything recorded so far, the flow's progress, the timeline and the next step's button. */
export function ComplaintDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const { can } = useAuth();
  const { message, modal } = App.useApp();
  const [detail, setDetail] = useState<ComplaintDetail | null>(null);
  const [loadError, setLoadError] = useState<{ notFound: boolean; text: string } | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [step, setStep] = useState<StepName | null>(null);
  const [editing, setEditing] = useState(false);

  const load = useCallback(() => {
    call('complaints.get', { id: Number(id) })
      .then((d) => {
        setDetail(d);
        setLoadError(null);
      })
      .catch((err: unknown) =>
        setLoadError({
          notFound: err instanceof CallError && err.code === 'NOT_FOUND',
          text: errorText(err, t),
        }),
      );
  }, [id, t]);
  useEffect(load, [load]);

  if (loadError)
    return (
      <Result
        status={loadError.notFound ? '404' : 'error'}
        title={loadError.text}
        extra={<Button onClick={() => void navigate('/complaints')}>{t('common.back')}</Button>}
      />
    );
  if (!detail) return <Spin />;
  const c = detail.complaint;
  const handler = can('complaints.handle');
  const next = NEXT_STEP[c.status];
  const saved = (d: ComplaintDetail) => {
    setDetail(d);
    setStep(null);
    setEditing(false);
    setRefusal(null);
    void message.success(t('complaints.saved.step'));
  };

  // Closing is offered once the result is recorded: without the customer's feedback the backend refuses, and the
  // page says why (the office must not close a complaint nobody asked the customer about).
  const close = () =>
    modal.confirm({
      title: t('complaints.dialogs.closeTitle', { number: c.number }),
      content: t('complaints.dialogs.closeConfirm'),
      okText: t('complaints.actions.close'),
      okButtonProps: { 'data-testid': 'confirm-close' } as never,
      onOk: async () => {
        try {
          saved(await call('complaints.close', { id: c.id, version: c.version }));
        } catch (err) {
          setRefusal(errorText(err, t));
        }
      },
    });

  const v = (value: string | null | undefined) =>
    value || <Typography.Text type="secondary">{t('complaints.detail.none')}</Typography.Text>;
  const f = (key: string) => t(`complaints.fields.${key}`);
  const stepIndex = COMPLAINT_STATUSES.indexOf(c.status);

  return (
    <div className="page">
      <div className="page-header">
        <div className="detail-header">
          <Button
            type="text"
            icon={<ArrowLeftOutlined />}
            onClick={() => void navigate('/complaints')}
            aria-label={t('common.back')}
          />
          <Typography.Title level={4} className="page-title" data-testid="complaint-number">
            {c.number}
          </Typography.Title>
          <Tag>{t(`complaints.types.${c.type}`)}</Tag>
          <Tag color={STATUS_COLOR[c.status]} data-testid="complaint-status">
            {t(`complaints.statuses.${c.status}`)}
          </Tag>
          {(c.dueState === 'overdue' || c.dueState === 'dueToday') && (
            <Tag color={DUE_COLOR[c.dueState]} data-testid="complaint-due-state">
              {t(`complaints.dueStates.${c.dueState}`)}
            </Tag>
          )}
        </div>
        <Space wrap>
          {handler && c.status !== 'closed' && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="edit-complaint">
              {t('complaints.actions.edit')}
            </Button>
          )}
          {handler && next && (
            <Button type="primary" onClick={() => setStep(next)} data-testid={`step-${next}-button`}>
              {t(`complaints.actions.${next}`)}
            </Button>
          )}
          {handler && (c.status === 'resolved' || c.status === 'feedbackRecorded') && (
            <Button
              type={c.status === 'feedbackRecorded' ? 'primary' : 'default'}
              icon={<CheckCircleOutlined />}
              onClick={close}
              data-testid="close-complaint"
            >
              {t('complaints.actions.close')}
            </Button>
          )}
          <PrintButton
            sheet="complaint"
            id={c.id}
            title={`${t('complaints.sheet.title')}-${c.number}`}
            label={t('complaints.actions.print')}
          />
        </Space>
      </div>
      {c.customerAbcClass === 'A' && (
        <Alert type="warning" showIcon message={t('complaints.detail.aClassNotice')} />
      )}
      {refusal && (
        <Alert
          type="error"
          showIcon
          message={refusal}
          closable
          onClose={() => setRefusal(null)}
          data-testid="complaint-refusal"
        />
      )}
      {c.dueState === 'overdue' && (
        <Alert
          type="error"
          showIcon
          message={t('complaints.detail.overdue', { dueOn: c.dueOn })}
          data-testid="complaint-overdue"
        />
      )}
      {c.dueState === 'dueToday' && (
        <Alert type="warning" showIcon message={t('complaints.detail.dueToday')} />
      )}
      <Card size="small">
        <Steps
          size="small"
          current={c.status === 'closed' ? COMPLAINT_STATUSES.length : stepIndex}
          items={COMPLAINT_STATUSES.map((s) => ({ title: t(`complaints.statuses.${s}`) }))}
        />
      </Card>
      <div style={{ display: 'flex', gap: 12, alignItems: 'flex-start' }}>
        <Card size="small" style={{ flex: 3, minWidth: 0 }}>
          <Descriptions
            size="small"
            column={3}
            bordered
            title={t('complaints.detail.intake')}
            data-testid="complaint-intake"
          >
            <Descriptions.Item label={f('customerName')} span={2}>
              <Link to={`/customers/${c.customerId}`}>{`${c.customerCode} ${c.customerName}`}</Link>
            </Descriptions.Item>
            <Descriptions.Item label={f('channel')}>
              {t(`complaints.channels.${c.channel}`)}
            </Descriptions.Item>
            <Descriptions.Item label={f('receivedAt')}>{formatInstant(c.receivedAt)}</Descriptions.Item>
            <Descriptions.Item label={f('receivedByName')}>{c.receivedByName}</Descriptions.Item>
            <Descriptions.Item label={f('dueOn')}>
              <span
                className={c.dueState === 'overdue' ? 'complaint-overdue-text' : undefined}
                data-testid="complaint-due-on"
              >
                {c.dueOn}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={f('content')} span={3}>
              <span className="complaint-text">{c.content}</span>
            </Descriptions.Item>
          </Descriptions>
          <Descriptions
            size="small"
            column={3}
            bordered
            title={t('complaints.detail.verification')}
            style={{ marginTop: 16 }}
          >
            <Descriptions.Item label={f('verification')} span={3}>
              <span className="complaint-text">{v(c.verification)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={f('responsibility')}>
              {c.responsibility ? t(`complaints.responsibilities.${c.responsibility}`) : v(null)}
            </Descriptions.Item>
            <Descriptions.Item label={f('responsibleDepartment')}>
              {v(c.responsibleDepartment)}
            </Descriptions.Item>
            <Descriptions.Item label={f('responsiblePerson')}>{v(c.responsiblePerson)}</Descriptions.Item>
          </Descriptions>
          <Descriptions
            size="small"
            column={2}
            bordered
            title={t('complaints.detail.handling')}
            style={{ marginTop: 16 }}
          >
            <Descriptions.Item label={f('handlingPlan')} span={2}>
              <span className="complaint-text">{v(c.handlingPlan)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={f('rectificationPlan')} span={2}>
              <span className="complaint-text">{v(c.rectificationPlan)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={f('handlingResult')} span={2}>
              <span className="complaint-text">{v(c.handlingResult)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={f('resolvedAt')}>
              {v(c.resolvedAt && formatInstant(c.resolvedAt))}
            </Descriptions.Item>
            <Descriptions.Item label={f('closedAt')}>
              {v(c.closedAt && formatInstant(c.closedAt))}
            </Descriptions.Item>
          </Descriptions>
          <Descriptions
            size="small"
            column={3}
            bordered
            title={t('complaints.detail.feedback')}
            style={{ marginTop: 16 }}
            data-testid="complaint-feedback"
          >
            {SATISFACTION_ASPECTS.map((a) => (
              <Descriptions.Item key={a} label={t(`complaints.aspects.${a}`)}>
                {c.scores ? c.scores[a] : v(null)}
              </Descriptions.Item>
            ))}
            <Descriptions.Item label={f('averageScore')}>
              {c.averageScore === null ? v(null) : formatAverage(c.averageScore)}
            </Descriptions.Item>
            <Descriptions.Item label={f('feedbackOn')}>{v(c.feedbackOn)}</Descriptions.Item>
            <Descriptions.Item label={f('feedbackNote')} span={3}>
              {v(c.feedbackNote)}
            </Descriptions.Item>
          </Descriptions>
        </Card>
        <Card size="small" title={t('complaints.detail.timeline')} style={{ flex: 2, minWidth: 320 }}>
          <ComplaintTimeline events={detail.events} />
        </Card>
      </div>
      {step && <StepModal step={step} complaint={c} onClose={() => setStep(null)} onSaved={saved} />}
      {editing && <ComplaintForm complaint={c} onClose={() => setEditing(false)} onSaved={saved} />}
    </div>
  );
}
