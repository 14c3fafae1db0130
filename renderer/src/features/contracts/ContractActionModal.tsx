import { useState } from 'react';
import { Alert, App, DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { requiredText } from '@shared/schemas/common';
import { contractApproveInput, type ContractDetail, type ContractRecord } from '@shared/schemas/contract';
import { call } from '../../api/client';
import { applyFieldErrors, errorText, zodRule } from '../../forms/zodRule';
import { formKeyHandler } from '../../forms/keyboard';
import { toIsoDate } from '../../forms/fieldValues';

export type ContractActionKind = 'countersign' | 'approve' | 'sign' | 'terminate';

interface Values {
  countersignedBy?: string;
  note?: string;
  reason?: string;
  countersignedOn?: Dayjs;
  signedOn?: Dayjs;
  terminatedOn?: Dayjs;
}

const TITLE: Record<ContractActionKind, string> = {
  countersign: 'contracts.dialogs.countersignTitle',
  approve: 'contracts.dialogs.approveTitle',
  sign: 'contracts.dialogs.signTitle',
  terminate: 'contracts.dialogs.terminateTitle',
};
const HELP: Partial<Record<ContractActionKind, string>> = {
  countersign: 'contracts.dialogs.countersignHelp',
  approve: 'contracts.dialogs.approveHelp',
  sign: 'contracts.dialogs.signHelp',
};
const DATE_LABEL: Partial<Record<ContractActionKind, string>> = {
  countersign: 'contracts.fields.countersignedOn',
  sign: 'contracts.fields.signedOn',
  terminate: 'contracts.fields.terminatedOn',
};

/**
 * One lifecycle step on a contract — record the countersign (会签), approve a special contract, mark it signed,
 * terminate it (退租, or 作废 for a draft) — as a small dialog. The backend decides; its refusal (e.g. a
 * non-regular contract without countersign) is shown here as it words it.
 */
export function ContractActionModal({ kind, contract, onClose, onDone }: { kind: ContractActionKind; contract: ContractRecord; onClose: () => void; onDone: (d: ContractDetail) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const voiding = kind === 'terminate' && contract.status === 'draft';
  const ref = { id: contract.id, version: contract.version };
  // Named as the backend names it, so a refused date shows under its field.
  const dateName = kind === 'countersign' ? 'countersignedOn' : kind === 'sign' ? 'signedOn' : 'terminatedOn';

  const submit = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    const date = toIsoDate(v[dateName]) ?? '';
    try {
      const detail =
        kind === 'countersign'
          ? await call('contracts.countersign', { ...ref, countersignedBy: v.countersignedBy?.trim() ?? '', countersignedOn: date })
          : kind === 'approve'
            ? await call('contracts.approveSpecial', { ...ref, note: v.note?.trim() || null })
            : kind === 'sign'
              ? await call('contracts.sign', { ...ref, signedOn: date })
              : await call('contracts.terminate', { ...ref, terminatedOn: date, reason: v.reason?.trim() ?? '' });
      void message.success(t('contracts.dialogs.done'));
      onDone(detail);
    } catch (err) {
      const fields = applyFieldErrors(form, err, t, []);
      if (!fields) setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  const title = voiding ? t('contracts.dialogs.voidTitle', { contractNo: contract.contractNo }) : t(TITLE[kind], { contractNo: contract.contractNo });
  const dateRule = { required: true, message: t('v.required') };

  return (
    <Modal
      open
      title={title}
      okText={voiding ? t('contracts.actions.void') : t(`contracts.actions.${kind}`)}
      okButtonProps={{ danger: kind === 'terminate', 'data-testid': 'contract-action-ok' } as never}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      maskClosable={false}
    >
      <div onKeyDown={formKeyHandler(() => void submit())} data-testid={`contract-action-${kind}`}>
        {HELP[kind] && <Typography.Paragraph type="secondary">{t(HELP[kind])}</Typography.Paragraph>}
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="contract-action-error" />}
        <Form form={form} layout="vertical" initialValues={{ [dateName]: dayjs() }}>
          {kind === 'countersign' && (
            <Form.Item name="countersignedBy" label={t('contracts.fields.countersignedBy')} rules={[zodRule(requiredText(200), t)]} required>
              <Input autoFocus maxLength={220} />
            </Form.Item>
          )}
          {kind === 'approve' && (
            <Form.Item name="note" label={t('contracts.dialogs.approvalNote')} rules={[zodRule(contractApproveInput.shape.note, t)]}>
              <Input.TextArea autoFocus autoSize={{ minRows: 2, maxRows: 4 }} />
            </Form.Item>
          )}
          {DATE_LABEL[kind] && (
            <Form.Item name={dateName} label={t(DATE_LABEL[kind])} rules={[dateRule]} required>
              <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
          )}
          {kind === 'terminate' && (
            <Form.Item
              name="reason"
              label={t(voiding ? 'contracts.dialogs.voidReason' : 'contracts.dialogs.terminateReason')}
              rules={[zodRule(requiredText(500), t)]}
              required
            >
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} />
            </Form.Item>
          )}
        </Form>
      </div>
    </Modal>
  );
}
