import { DatePicker, Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ContactInput, ContactRecord } from '@shared/schemas/customer';
import { call } from '../../api/client';
import { FormDialog } from '../../forms/FormDialog';
import { useDrawerForm } from '../../forms/useDrawerForm';
import { toIsoDate } from '../../forms/fieldValues';
import { ContactFields } from './ContactFields';
import { toContactInput } from './formValues';

/** Adds a contact to a customer or edits one; every change lands in the customer's history. */
export function ContactModal({ customerId, contact, onClose, onSaved }: { customerId: number; contact?: ContactRecord; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();

  // Every field is in view, so a refusal the backend pins on a field (contact.phone, changes.name …) needs no error line.
  const { form, frame } = useDrawerForm<ContactInput & { receivedOn: Dayjs }>({
    onClose,
    fieldPrefixes: ['contact.', 'changes.'],
    errorLine: 'unmarked',
    save: async (values) => {
      const receivedOn = toIsoDate(values.receivedOn) ?? '';
      const input = toContactInput(values);
      if (contact) {
        const changes = Object.fromEntries(Object.entries(input).filter(([k, v]) => contact[k as keyof ContactRecord] !== v));
        if (Object.keys(changes).length) await call('contacts.update', { id: contact.id, changes, receivedOn });
      } else {
        await call('contacts.create', { customerId, contact: input, receivedOn });
      }
      onSaved();
    },
  });

  return (
    <FormDialog
      width={820}
      title={contact ? t('contacts.editTitle') : t('contacts.add')}
      okText={t('common.save')}
      frame={frame}
      onCancel={onClose}
      testIds={{ save: 'save-contact' }}
    >
      <Form form={form} layout="vertical" initialValues={{ ...(contact ?? { isKeyLeader: false }), receivedOn: dayjs() }} validateTrigger={['onChange', 'onBlur']}>
        <ContactFields t={t} />
        <Form.Item name="receivedOn" label={t('customers.receivedOn')} extra={t('customers.receivedOnHelp')} rules={[{ required: true, message: t('v.required') }]}>
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
