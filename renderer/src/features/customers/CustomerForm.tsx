import { useMemo } from 'react';
import { App, Button, Card, DatePicker, Form, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ABC_CLASSES, customerFields, type CustomerRecord } from '@shared/schemas/customer';
import { call } from '../../api/client';
import { useAuth } from '../../auth/AuthContext';
import { zodRule } from '../../forms/zodRule';
import { FormDrawer } from '../../forms/FormDrawer';
import { useDrawerForm } from '../../forms/useDrawerForm';
import { toIsoDate } from '../../forms/fieldValues';
import { CustomerFields } from './CustomerFields';
import { ContactFields } from './ContactFields';
import { changedFields, toContactInput, toCustomerInput, toFormValues, type CustomerFormValues } from './formValues';
import type { Lookups } from './useLookups';

interface Props {
  lookups: Lookups;
  /** The customer to edit; absent when creating one. */
  customer?: CustomerRecord;
  onClose: () => void;
  onSaved: (id: number) => void;
}

/** Create or edit a customer in a drawer: validated as the user types, again in the backend, keyboard-first. */
export function CustomerForm({ lookups, customer, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { can, user } = useAuth();
  const { message } = App.useApp();
  const editing = Boolean(customer);

  const initialValues = useMemo<Partial<CustomerFormValues>>(
    () =>
      customer
        ? { ...toFormValues(customer), receivedOn: dayjs() }
        : { abcClass: 'C', isKey: false, registeredOn: dayjs(), receivedOn: dayjs(), contacts: [{ name: '', isKeyLeader: true }] },
    [customer],
  );
  const classOptions = ABC_CLASSES.filter((c) => c !== 'A' || user.projectStaff || customer?.abcClass === 'A').map((c) => ({
    value: c,
    label: t(`enums.abcClass.${c}`),
  }));

  const { form, frame } = useDrawerForm<CustomerFormValues>({
    onClose,
    fieldPrefixes: ['customer.', 'changes.'],
    onUnmarked: () => form.scrollToField('code'),
    save: async (values) => {
      const receivedOn = toIsoDate(values.receivedOn) ?? '';
      const input = toCustomerInput(values);
      if (customer) {
        const changes = changedFields(customer, input);
        if (Object.keys(changes).length === 0) {
          void message.info(t('customers.noChanges'));
          onClose();
          return;
        }
        await call('customers.update', { id: customer.id, version: customer.version, changes, receivedOn });
        // Without the approval permission an order-cycle change is filed for a supervisor (access/orderCycle.ts).
        if ('orderCycle' in changes && !can('customers.approveOrderCycle')) void message.info(t('access.orderCycle.submitted'), 6);
        else void message.success(t('customers.updated'));
        onSaved(customer.id);
      } else {
        const created = await call('customers.create', {
          customer: input,
          contacts: (values.contacts ?? []).filter((c) => c && String(c.name ?? '').trim()).map(toContactInput),
          receivedOn,
        });
        void message.success(t('customers.created', { name: created.customer.name }));
        onSaved(created.customer.id);
      }
    },
  });

  return (
    <FormDrawer
      width={980}
      title={customer ? t('customers.editTitle', { name: customer.name }) : t('customers.new')}
      frame={frame}
      testIds={{ save: 'save-customer', form: 'customer-form', error: 'form-error' }}
    >
      <Form form={form} layout="vertical" initialValues={initialValues} validateTrigger={['onChange', 'onBlur']} scrollToFirstError>
        <Card size="small" style={{ marginBottom: 16, background: '#fafcff' }}>
          <Form.Item
            name="receivedOn"
            label={t('customers.receivedOn')}
            extra={t('customers.receivedOnHelp')}
            required
            rules={[zodRule(customerFields.registeredOn, t, (v) => toIsoDate(v as never))]}
            style={{ marginBottom: 0 }}
          >
            <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
        </Card>
        <CustomerFields
          t={t}
          lookups={lookups}
          codeEditable={!editing || can('customers.editCode')}
          orderCycleHelp={editing && !can('customers.approveOrderCycle') ? t('access.orderCycle.help') : undefined}
          classOptions={classOptions}
        />
        {!editing && (
          <>
            <Typography.Title level={5} className="form-section-title">
              {t('customers.sections.contacts')}
            </Typography.Title>
            <Form.List name="contacts">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((field, index) => (
                    <Card
                      key={field.key}
                      size="small"
                      style={{ marginBottom: 8 }}
                      title={`${t('contacts.fields.name')} ${index + 1}`}
                      extra={<Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('contacts.remove')} />}
                    >
                      <ContactFields t={t} prefix={[field.name]} listName="contacts" />
                    </Card>
                  ))}
                  <Button icon={<PlusOutlined />} onClick={() => add({ name: '', isKeyLeader: false })} data-testid="add-contact">
                    {t('contacts.add')}
                  </Button>
                </>
              )}
            </Form.List>
          </>
        )}
      </Form>
    </FormDrawer>
  );
}
