import { useState } from 'react';
import { Alert, DatePicker, Form, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ContactInput, ContactRecord } from '@shared/schemas/customer';
import { call } from '../../api/client';
import { applyFieldErrors, errorText } from '../../forms/zodRule';
import { formKeyHandler } from '../../forms/keyboard';
import { toIsoDate } from '../../forms/fieldValues';
import { ContactFields } from './ContactFields';
import { toContactInput } from './formValues';

/** Adds a contact to a customer or edits one; every change lands in the customer's history. */
export function ContactModal({ customerId, contact, onClose, onSaved }: { customerId: number; contact?: ContactRecord; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ContactInput & { receivedOn: Dayjs }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const save = async () => {
    let values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    const receivedOn = toIsoDate(values.receivedOn) ?? '';
    const input = toContactInput(values);
    try {
      if (contact) {
        const changes = Object.fromEntries(Object.entries(input).filter(([k, v]) => contact[k as keyof ContactRecord] !== v));
        if (Object.keys(changes).length) await call('contacts.update', { id: contact.id, changes, receivedOn });
      } else {
        await call('contacts.create', { customerId, contact: input, receivedOn });
      }
      onSaved();
    } catch (err) {
      if (!applyFieldErrors(form, err, t, ['contact.', 'changes.'])) setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      width={820}
      title={contact ? t('contacts.editTitle') : t('contacts.add')}
      okText={t('common.save')}
      okButtonProps={{ 'data-testid': 'save-contact' } as never}
      confirmLoading={busy}
      onOk={() => void save()}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
    >
      <div onKeyDown={formKeyHandler(() => void save())}>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" initialValues={{ ...(contact ?? { isKeyLeader: false }), receivedOn: dayjs() }} validateTrigger={['onChange', 'onBlur']}>
          <ContactFields t={t} />
          <Form.Item name="receivedOn" label={t('customers.receivedOn')} extra={t('customers.receivedOnHelp')} rules={[{ required: true, message: t('v.required') }]}>
            <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
