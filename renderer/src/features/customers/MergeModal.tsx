import { useEffect, useState, type ReactNode } from 'react';
import { Alert, DatePicker, Form, Input, Spin, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CustomerRecord } from '@shared/schemas/customer';
import { MERGE_MOVES, type CustomerMergePreview, type MergeSide } from '@shared/schemas/customerMerge';
import { requiredText } from '@shared/schemas/common';
import { call } from '../../api/client';
import { errorText, zodRule } from '../../forms/zodRule';
import { toIsoDate } from '../../forms/fieldValues';
import { useDrawerForm } from '../../forms/useDrawerForm';
import { FormDialog } from '../../forms/FormDialog';
import { CustomerPicker } from '../contracts/CustomerPicker';

interface Values {
  duplicateId: number;
  reason: string;
  receivedOn: Dayjs;
}

/**
 * 合并重复客户 (admin): pick the duplicate, see both records side by side with what will move, say why. The
 * backend refuses what cannot be merged (an archived one, A-class with B/C, a pending order-cycle change); the
 * preview shows the same reasons before the user presses 合并.
 */
export function MergeModal(props: { keep: CustomerRecord; onClose: () => void; onMerged: (duplicateLabel: string) => void }) {
  const { t } = useTranslation();
  const [preview, setPreview] = useState<CustomerMergePreview | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const { form, frame } = useDrawerForm<Values>({
    errorLine: 'unmarked',
    onClose: props.onClose,
    save: async (values) => {
      const duplicate = preview?.duplicate;
      if (!duplicate || duplicate.id !== values.duplicateId) return;
      await call('customers.merge', {
        keepId: props.keep.id,
        keepVersion: props.keep.version,
        duplicateId: duplicate.id,
        duplicateVersion: duplicate.version,
        reason: values.reason.trim(),
        receivedOn: toIsoDate(values.receivedOn) ?? '',
      });
      props.onMerged(`${duplicate.code} ${duplicate.name}`);
    },
  });
  const duplicateId = Form.useWatch('duplicateId', form);

  useEffect(() => {
    setPreview(null);
    setPreviewError(null);
    // The same customer: the field says so, nothing to compare.
    if (duplicateId === undefined || duplicateId === props.keep.id) return;
    let current = true;
    setLoading(true);
    call('customers.mergePreview', { keepId: props.keep.id, duplicateId })
      .then((p) => current && setPreview(p))
      .catch((err: unknown) => current && setPreviewError(errorText(err, t)))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [duplicateId, props.keep.id, t]);

  const blocked = preview !== null && preview.problems.length > 0;
  const sideRows = preview ? sideBySide(preview, t) : [];

  return (
    <FormDialog
      title={t('customers.merge.title', { name: props.keep.name })}
      width={720}
      okText={t('customers.merge.ok')}
      frame={frame}
      okDisabled={blocked || (duplicateId !== undefined && !preview)}
      onCancel={frame.close}
      danger
      intro={t('customers.merge.intro')}
      testIds={{ save: 'merge-ok', form: 'merge-form' }}
    >
      <Form form={form} layout="vertical" initialValues={{ receivedOn: dayjs() }}>
        <Form.Item
          name="duplicateId"
          label={t('customers.merge.duplicate')}
          rules={[
            { required: true, message: t('v.required') },
            { validator: (_, v) => (v === props.keep.id ? Promise.reject(new Error(t('customers.v.mergeSame'))) : Promise.resolve()) },
          ]}
        >
          <CustomerPicker id="merge-duplicate" />
        </Form.Item>
        {loading && <Spin size="small" tip={t('customers.merge.loading')} />}
        {previewError && <Alert type="error" showIcon message={previewError} style={{ marginBottom: 12 }} />}
        {preview && (
          <div data-testid="merge-preview">
            <Table
              size="small"
              bordered
              pagination={false}
              rowKey="key"
              dataSource={sideRows}
              columns={[
                { dataIndex: 'label', width: 120 },
                { title: t('customers.merge.keep'), dataIndex: 'keep' },
                { title: t('customers.merge.merged'), dataIndex: 'duplicate' },
              ]}
              style={{ marginBottom: 12 }}
            />
            {preview.planLinesDropped > 0 && (
              <Alert type="info" showIcon message={t('customers.merge.planLinesDropped', { count: preview.planLinesDropped })} style={{ marginBottom: 12 }} />
            )}
            {preview.problems.map((p) => (
              <Alert key={p.key} type="error" showIcon message={t(p.key, p.params)} style={{ marginBottom: 12 }} data-testid="merge-problem" />
            ))}
          </div>
        )}
        <Form.Item name="reason" label={t('customers.merge.reason')} rules={[zodRule(requiredText(500), t)]} required>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} count={{ show: true, max: 500 }} disabled={blocked} />
        </Form.Item>
        <Form.Item name="receivedOn" label={t('customers.receivedOn')} rules={[{ required: true, message: t('v.required') }]}>
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} disabled={blocked} />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}

/** The two records line by line: who they are, then what each holds (the duplicate's is what moves). */
function sideBySide(preview: CustomerMergePreview, t: (key: string, params?: Record<string, unknown>) => string) {
  const facts: { key: string; label: string; value: (s: MergeSide) => ReactNode }[] = [
    { key: 'code', label: t('customers.fields.code'), value: (s) => s.code },
    { key: 'name', label: t('customers.fields.name'), value: (s) => s.name },
    {
      key: 'abcClass',
      label: t('customers.fields.abcClass'),
      value: (s) => <Tag color={s.abcClass === 'A' ? 'red' : s.abcClass === 'B' ? 'blue' : 'default'}>{t(`enums.abcClass.${s.abcClass}`)}</Tag>,
    },
    { key: 'managerName', label: t('customers.fields.managerName'), value: (s) => s.managerName },
    { key: 'phone', label: t('customers.fields.phone'), value: (s) => s.phone ?? '—' },
    { key: 'address', label: t('customers.fields.address'), value: (s) => s.address ?? '—' },
    { key: 'registeredOn', label: t('customers.fields.registeredOn'), value: (s) => s.registeredOn },
    {
      key: 'holds',
      label: t('customers.merge.holds'),
      value: (s) => MERGE_MOVES.map((move) => t('customers.merge.countOf', { what: t(`customers.merge.moves.${move}`), count: s.counts[move] })).join(' · '),
    },
  ];
  return facts.map((f) => ({ key: f.key, label: f.label, keep: f.value(preview.keep), duplicate: f.value(preview.duplicate) }));
}
