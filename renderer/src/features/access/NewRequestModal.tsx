import { useEffect, useRef, useState } from 'react';
import { Alert, Form, Input, InputNumber, Modal, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { accessDays, accessRequestInput, type AccessLookupHit } from '@shared/schemas/access';
import { call } from '../../api/client';
import { applyFieldErrors, errorText, zodRule } from '../../forms/zodRule';
import { formKeyHandler } from '../../forms/keyboard';

interface Values {
  customerId: number;
  reason: string;
  days: number | null;
}

/**
 * 申请查阅客户档案: the customer is named by code or name (the lookup shows code and name only), the reason is
 * required, the period optional (the supervisor decides it).
 */
export function NewRequestModal({
  defaults,
  onClose,
  onSaved,
}: {
  defaults: { defaultDays: number; maxDays: number };
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [hits, setHits] = useState<AccessLookupHit[]>([]);
  const [searched, setSearched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef('');

  useEffect(() => () => (timer.current ? clearTimeout(timer.current) : undefined), []);

  const search = (text: string) => {
    const query = text.trim();
    latest.current = query;
    if (timer.current) clearTimeout(timer.current);
    if ([...query].length < 2) {
      setHits([]);
      setSearched(false);
      return;
    }
    timer.current = setTimeout(() => {
      call('access.lookup', { text: query })
        .then((found) => {
          if (latest.current !== query) return; // an older answer arriving late
          setHits(found);
          setSearched(true);
        })
        .catch((err: unknown) => setError(errorText(err, t)));
    }, 250);
  };

  const submit = async () => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await call('access.request', {
        customerId: values.customerId,
        reason: values.reason.trim(),
        days: values.days ?? null,
      });
      onSaved();
    } catch (err) {
      if (!applyFieldErrors(form, err, t)) setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('access.form.title')}
      okText={t('access.form.submit')}
      okButtonProps={{ 'data-testid': 'submit-request' } as never}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
      width={560}
    >
      <div onKeyDown={formKeyHandler(() => void submit())} data-testid="request-form">
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" validateTrigger={['onChange', 'onBlur']}>
          <Form.Item
            name="customerId"
            label={t('access.form.customer')}
            rules={[{ required: true, message: t('v.required') }]}
            required
          >
            <Select
              showSearch
              autoFocus
              filterOption={false}
              placeholder={t('access.form.customerPlaceholder')}
              onSearch={search}
              notFoundContent={searched ? t('access.form.noMatch') : null}
              data-testid="request-customer"
              options={hits.map((h) => ({
                value: h.id,
                label: (
                  <Space size={6}>
                    <Typography.Text type="secondary">{h.code}</Typography.Text>
                    <span>{h.name}</span>
                    {h.status === 'archived' && <Tag>{t('access.form.archived')}</Tag>}
                  </Space>
                ),
                title: `${h.code} ${h.name}`,
              }))}
            />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('access.form.reason')}
            rules={[zodRule(accessRequestInput.shape.reason, t)]}
            required
          >
            <Input.TextArea
              autoSize={{ minRows: 2, maxRows: 5 }}
              showCount={{ formatter: ({ count }) => `${count} / 500` }}
              maxLength={520}
              placeholder={t('access.form.reasonPlaceholder')}
            />
          </Form.Item>
          <Form.Item
            name="days"
            label={t('access.form.days')}
            extra={t('access.form.daysHelp', { days: defaults.defaultDays, max: defaults.maxDays })}
            rules={[zodRule(accessDays.nullable(), t)]}
          >
            <InputNumber precision={0} style={{ width: 160 }} />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
