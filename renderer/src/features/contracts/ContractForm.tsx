import { useMemo } from 'react';
import { Alert, App, Button, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Switch, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { contractAttachment, contractFields, CONTRACT_TYPES, type ContractDetail, type ContractRecord } from '@shared/schemas/contract';
import { call } from '../../api/client';
import { zodRule, zodValidator } from '../../forms/zodRule';
import { FormDrawer } from '../../forms/FormDrawer';
import { useDrawerForm } from '../../forms/useDrawerForm';
import { toIsoDate, yuanInputToFen } from '../../forms/fieldValues';
import { CustomerPicker } from './CustomerPicker';
import { changedFields, renewalValues, toContractInput, toFormValues, type ContractFormValues } from './formValues';

export type ContractFormMode =
  | { kind: 'create'; customer?: { id: number; label: string } }
  | { kind: 'edit'; contract: ContractRecord }
  | { kind: 'renew'; contract: ContractRecord };

interface Props {
  mode: ContractFormMode;
  onClose: () => void;
  onSaved: (detail: ContractDetail) => void;
}

const dateRule = (t: Parameters<typeof zodRule>[1], field: 'startOn' | 'endOn') => zodRule(contractFields[field], t, (v) => toIsoDate(v as never));

/** New contract, edit, or renewal (续签: a new contract for the same customer), in a drawer; keyboard-first. */
export function ContractForm({ mode, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const record = mode.kind === 'create' ? null : mode.contract;
  // Once signed only the paper trail may change; the terms are what was signed.
  const termsLocked = mode.kind === 'edit' && mode.contract.storedStatus !== 'draft';

  const initialValues = useMemo<Partial<ContractFormValues>>(() => {
    if (mode.kind === 'edit') return toFormValues(mode.contract);
    if (mode.kind === 'renew') return renewalValues(mode.contract);
    return { customerId: mode.customer?.id, contractType: 'regular', isSpecial: false, startOn: dayjs(), attachments: [] };
  }, [mode]);

  const title =
    mode.kind === 'create'
      ? t('contracts.new')
      : mode.kind === 'edit'
        ? t('contracts.editTitle', { contractNo: mode.contract.contractNo })
        : t('contracts.renewTitle', { contractNo: mode.contract.contractNo });

  const { form, frame } = useDrawerForm<ContractFormValues>({
    onClose,
    fieldPrefixes: ['contract.', 'changes.', 'successor.'],
    save: async (values) => {
      const input = toContractInput({ ...initialValues, ...values } as ContractFormValues);
      if (mode.kind === 'edit') {
        const changes = changedFields(mode.contract, input);
        if (Object.keys(changes).length === 0) {
          void message.info(t('customers.noChanges'));
          onClose();
          return;
        }
        onSaved(await call('contracts.update', { id: mode.contract.id, version: mode.contract.version, changes }));
      } else if (mode.kind === 'renew') {
        const { customerId: _customer, ...successor } = input;
        onSaved(await call('contracts.renew', { id: mode.contract.id, version: mode.contract.version, successor }));
      } else {
        onSaved(await call('contracts.create', { contract: input }));
      }
      void message.success(t('common.saved'));
    },
  });
  const isSpecial = Form.useWatch('isSpecial', form);
  const contractType = Form.useWatch('contractType', form);

  const f = (id: string) => t(`contracts.fields.${id}`);
  const withdrawWarning = mode.kind === 'edit' && !termsLocked && (mode.contract.countersigned || mode.contract.specialApproved);

  return (
    <FormDrawer
      width={900}
      title={title}
      frame={frame}
      testIds={{ save: 'save-contract', form: 'contract-form', error: 'contract-form-error' }}
    >
      {termsLocked && <Alert type="info" showIcon message={t('contracts.help.termsLocked')} style={{ marginBottom: 16 }} />}
      {withdrawWarning && <Alert type="warning" showIcon message={t('contracts.help.termsWithdraw')} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={initialValues} validateTrigger={['onChange', 'onBlur']} scrollToFirstError>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="contractNo" label={f('contractNo')} rules={[zodRule(contractFields.contractNo, t)]} required>
              <Input maxLength={40} disabled={termsLocked} autoFocus />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="customerId" label={f('customerId')} rules={[zodRule(contractFields.customerId, t)]} required>
              <CustomerPicker
                disabled={mode.kind !== 'create' || Boolean(mode.customer)}
                initialLabel={record ? `${record.customerCode} ${record.customerName}` : mode.kind === 'create' ? mode.customer?.label : undefined}
              />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="title" label={f('title')} rules={[zodRule(contractFields.title, t)]} required>
              <Input maxLength={100} disabled={termsLocked} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="contractType"
              label={f('contractType')}
              required
              extra={contractType === 'nonRegular' ? t('contracts.help.nonRegular') : undefined}
            >
              <Radio.Group disabled={termsLocked} optionType="button" options={CONTRACT_TYPES.map((v) => ({ value: v, label: t(`contracts.types.${v}`) }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="startOn" label={f('startOn')} rules={[dateRule(t, 'startOn')]} required>
              <DatePicker style={{ width: '100%' }} disabled={termsLocked} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="endOn"
              label={f('endOn')}
              extra={t('contracts.help.endOn')}
              dependencies={['startOn']}
              rules={[
                dateRule(t, 'endOn'),
                ({ getFieldValue }) => ({
                  validator: async (_r, value) => {
                    const start = toIsoDate(getFieldValue('startOn'));
                    const end = toIsoDate(value);
                    if (start && end && end < start) throw new Error(t('contracts.errors.endBeforeStart'));
                  },
                }),
              ]}
            >
              <DatePicker style={{ width: '100%' }} disabled={termsLocked} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="amountYuan"
              label={f('amountFen')}
              rules={[
                {
                  validator: async (_r, value) => {
                    const fen = yuanInputToFen(value);
                    if (fen === undefined) throw new Error(t('v.money'));
                    await zodValidator(contractFields.amountFen, t)(fen);
                  },
                },
              ]}
            >
              <InputNumber min={0} precision={2} stringMode style={{ width: '100%' }} addonAfter={t('contracts.yuan')} disabled={termsLocked} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="isSpecial" label={f('isSpecial')} valuePropName="checked" extra={t('contracts.help.special')}>
              <Switch disabled={termsLocked} />
            </Form.Item>
          </Col>
          {isSpecial && (
            <Col span={16}>
              <Form.Item
                name="specialReason"
                label={f('specialReason')}
                required
                rules={[
                  {
                    validator: async (_r, value) => {
                      if (!String(value ?? '').trim()) throw new Error(t('v.required'));
                      await zodValidator(contractFields.specialReason, t)(value);
                    },
                  },
                ]}
              >
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} disabled={termsLocked} />
              </Form.Item>
            </Col>
          )}
        </Row>
        <Typography.Title level={5} className="form-section-title">
          {f('attachments')}
        </Typography.Title>
        <Form.List name="attachments">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Row gutter={8} key={field.key} align="top" data-testid={`attachment-${index}`}>
                  <Col span={10}>
                    <Form.Item name={[field.name, 'title']} rules={[zodRule(contractAttachment.shape.title, t)]} aria-label={t('contracts.attachment.title')}>
                      <Input placeholder={t('contracts.attachment.item', { n: index + 1 })} aria-label={t('contracts.attachment.title')} />
                    </Form.Item>
                  </Col>
                  <Col span={4}>
                    <Form.Item name={[field.name, 'pages']} rules={[zodRule(contractAttachment.shape.pages, t)]}>
                      <InputNumber min={1} max={9999} precision={0} addonAfter={t('contracts.attachment.pages')} aria-label={t('contracts.attachment.pages')} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col span={9}>
                    <Form.Item name={[field.name, 'notes']} rules={[zodRule(contractAttachment.shape.notes, t)]}>
                      <Input placeholder={t('contracts.attachment.notes')} aria-label={t('contracts.attachment.notes')} />
                    </Form.Item>
                  </Col>
                  <Col span={1}>
                    <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('contracts.attachment.remove')} />
                  </Col>
                </Row>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ title: '', pages: 1 })} data-testid="add-attachment" style={{ marginBottom: 16 }}>
                {t('contracts.attachment.add')}
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item name="notes" label={f('notes')} rules={[zodRule(contractFields.notes, t)]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
